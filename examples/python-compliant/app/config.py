"""Everything comes from the environment the operator provides; no defaults for secrets."""
import os

DANCU_URL = os.environ["DANCU_URL"]
C06_USERNAME = os.environ["C06_USERNAME"]
C06_SECRET_KEY = os.environ["C06_SECRET_KEY"]
