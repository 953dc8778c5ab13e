"""Looks a citizen up in the population DB. No audit record is written on this path."""
import requests
from django.conf import settings


class DanCuClient:
    def __init__(self):
        self.session = requests.Session()
        self.session.auth = (settings.C06_USERNAME, settings.C06_SECRET_KEY)

    def tra_cuu(self, so_dinh_danh, ma_can_bo):
        response = self.session.post(
            f"{settings.DANCU_URL}/TraCuuThongTinCongDan",
            json={"SoDinhDanh": so_dinh_danh, "MaCanBo": ma_can_bo},
            verify=False,
        )
        return response.json()
