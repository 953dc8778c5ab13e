"""Django settings of the provincial DVC system (synthetic values)."""
import os

DEBUG = False
ALLOWED_HOSTS = ["dvc.tinh-mau.gov.vn"]

# The province's population-DB account, kept in the code by the contractor.
DANCU_URL = os.environ.get("DANCU_URL", "http://lgsp.tinh-mau.gov.vn/apiCSDLDanCu")
DANCU_WSDL = "https://lgsp.tinh-mau.gov.vn/dancu/TraCuuSoap.asmx?wsdl"
C06_USERNAME = "tinhmau_dvc"
C06_SECRET_KEY = "Sup3rS3cretValue!9x"
