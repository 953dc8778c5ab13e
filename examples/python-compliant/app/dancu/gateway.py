"""The one audited gateway to the population DB."""
import logging
import os
import uuid

import requests

audit_log = logging.getLogger("audit.dancu")

DANCU_URL = os.environ["DANCU_URL"]


class DanCuGateway:
    def __init__(self, username, secret_key):
        self.session = requests.Session()
        self.session.auth = (username, secret_key)

    def tra_cuu(self, so_dinh_danh, ma_can_bo, ma_don_vi, muc_dich):
        ma_yeu_cau = str(uuid.uuid4())
        response = self.session.post(
            f"{DANCU_URL}/TraCuuThongTinCongDan",
            json={"MaYeuCau": ma_yeu_cau, "SoDinhDanh": so_dinh_danh, "MaCanBo": ma_can_bo},
            timeout=10,
        )
        audit_log.info(
            "tra cuu cong dan",
            extra={"ma_yeu_cau": ma_yeu_cau, "ma_can_bo": ma_can_bo, "ma_don_vi": ma_don_vi, "muc_dich": muc_dich, "ket_qua": response.ok},
        )
        return response.json()
