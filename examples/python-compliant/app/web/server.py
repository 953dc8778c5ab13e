"""The web front of the DVC system: one route, rate-limited, through the gateway."""
from flask import Flask, jsonify, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from app import config
from app.dancu.gateway import DanCuGateway

app = Flask(__name__)
limiter = Limiter(get_remote_address, app=app)
gateway = DanCuGateway(config.C06_USERNAME, config.C06_SECRET_KEY)


@app.post("/cong-dan")
@limiter.limit("30/minute")
def cong_dan():
    user = request.environ["dvc.user"]
    return jsonify(gateway.tra_cuu(request.json["so_dinh_danh"], user.ma_can_bo, user.ma_don_vi, request.json["ma_ho_so"]))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8080)
