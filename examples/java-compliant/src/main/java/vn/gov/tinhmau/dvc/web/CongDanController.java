package vn.gov.tinhmau.dvc.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.tinhmau.dvc.dancu.DanCuGateway;

@RestController
public class CongDanController {
    private final DanCuGateway gateway;

    public CongDanController(DanCuGateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/api/cong-dan/{soDinhDanh}")
    public String get(
            @PathVariable String soDinhDanh,
            @RequestHeader("X-Ma-Can-Bo") String maCanBo,
            @RequestHeader("X-Ma-Don-Vi") String maDonVi,
            @RequestParam("mucDich") String mucDich) {
        return gateway.traCuuCongDan(soDinhDanh, maCanBo, maDonVi, mucDich);
    }
}
