"""Drives the DB's public portal with a browser instead of the API."""
from selenium import webdriver
from selenium.webdriver.common.by import By

driver = webdriver.Chrome()
driver.get("https://dichvucong.dancuquocgia.gov.vn/portal/tra-cuu")
print(driver.find_element(By.ID, "ket-qua").text)
