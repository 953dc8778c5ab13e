#!/usr/bin/env python3
"""python tools/tra_cuu_hang_loat.py ids.txt — a self-made bulk lookup tool."""
import argparse

import requests

DANCU_URL = "http://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    args = parser.parse_args()
    with open(args.file) as f:
        for so_dinh_danh in f:
            r = requests.post(DANCU_URL, json={"SoDinhDanh": so_dinh_danh.strip()}, auth=("tinhmau_dvc", "Sup3rS3cretValue!9x"))
            print(r.json())


if __name__ == "__main__":
    main()
