package vn.gov.tinhmau.dvc.dancu;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** One audit record per lookup: which officer, for which case, with what outcome (never the citizen record). */
@Service
public class NhatKyTraCuuService {
    private static final Logger AUDIT = LoggerFactory.getLogger("nhat-ky-tra-cuu-dan-cu");

    public void ghiNhatKy(String maCanBo, String maDonVi, String maYeuCau, String mucDich, boolean thanhCong) {
        AUDIT.info("maCanBo={} maDonVi={} maYeuCau={} mucDich={} ketQua={} thoiGian={}",
                maCanBo, maDonVi, maYeuCau, mucDich, thanhCong ? "ok" : "error", Instant.now());
    }
}
