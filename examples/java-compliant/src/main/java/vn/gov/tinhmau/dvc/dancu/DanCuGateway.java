package vn.gov.tinhmau.dvc.dancu;

import io.github.resilience4j.ratelimiter.annotation.RateLimiter;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

/** The one audited gateway to the population DB. */
@Component
public class DanCuGateway {
    private final RestTemplate restTemplate;
    private final NhatKyTraCuuService nhatKy;
    private final String endpoint;
    private final String username;
    private final String secretKey;

    public DanCuGateway(
            RestTemplate restTemplate,
            NhatKyTraCuuService nhatKy,
            @Value("${dancu.endpoint}") String endpoint,
            @Value("${dancu.username}") String username,
            @Value("${dancu.secret-key}") String secretKey) {
        this.restTemplate = restTemplate;
        this.nhatKy = nhatKy;
        this.endpoint = endpoint;
        this.username = username;
        this.secretKey = secretKey;
    }

    @RateLimiter(name = "dancu")
    public String traCuuCongDan(String soDinhDanh, String maCanBo, String maDonVi, String mucDich) {
        String maYeuCau = UUID.randomUUID().toString();
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(username, secretKey);
        Map<String, String> body = Map.of("MaYeuCau", maYeuCau, "SoDinhDanh", soDinhDanh, "MaCanBo", maCanBo);
        String ketQua = restTemplate.postForObject(endpoint, new HttpEntity<>(body, headers), String.class);
        nhatKy.ghiNhatKy(maCanBo, maDonVi, maYeuCau, mucDich, ketQua != null);
        return ketQua;
    }
}
