// Browser automation that drives the DB's public portal with an officer's session.
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

public class PortalScraper {
    public static void scrape(String soDinhDanh) {
        WebDriver driver = new ChromeDriver();
        driver.get("https://dichvucong.dancuquocgia.gov.vn/portal/tra-cuu");
        driver.findElement(By.id("soDinhDanh")).sendKeys(soDinhDanh);
        driver.quit();
    }
}
