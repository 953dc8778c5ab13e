package vn.gov.tinhmau.dvc.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.tinhmau.dvc.dancu.DanCuClient;

@RestController
public class CongDanController {
    private final DanCuClient danCuClient;

    public CongDanController(DanCuClient danCuClient) {
        this.danCuClient = danCuClient;
    }

    @GetMapping("/api/cong-dan/{soDinhDanh}")
    public String get(@PathVariable String soDinhDanh, @RequestHeader("X-Ma-Can-Bo") String maCanBo) {
        return danCuClient.traCuuCongDan(soDinhDanh, maCanBo);
    }
}
