package vn.gov.tinhmau.dvc.dancu;

import java.util.Map;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

@FeignClient(name = "dancu", url = "${dancu.endpoint}")
public interface DanCuFeignClient {
    @PostMapping
    String chiaSeThongTinCongDan(@RequestBody Map<String, String> request);
}
