package vn.gov.tinhmau.dvc.dancu;

import java.util.Base64;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

/** Looks a citizen up in the population DB. No audit record is written anywhere on this path. */
@Component
public class DanCuClient {
    // The contractor keeps the province's API account in the code (synthetic values).
    private static final String C06_USERNAME = "tinhmau_dvc";
    private static final String C06_SECRET_KEY = "Sup3rS3cretValue!9x";

    private final RestTemplate restTemplate;

    @Value("${dancu.endpoint}")
    private String endpoint;

    public DanCuClient(RestTemplate restTemplate) {
        this.restTemplate = restTemplate;
    }

    public String traCuuCongDan(String soDinhDanh, String maCanBo) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Authorization", "Basic " + Base64.getEncoder().encodeToString("tinhmau_dvc:Sup3rS3cretValue!9x".getBytes()));
        Map<String, String> body = Map.of("SoDinhDanh", soDinhDanh, "MaCanBo", maCanBo, "TaiKhoan", C06_USERNAME, "MatKhau", C06_SECRET_KEY);
        return restTemplate.postForObject(endpoint, new HttpEntity<>(body, headers), String.class);
    }
}
