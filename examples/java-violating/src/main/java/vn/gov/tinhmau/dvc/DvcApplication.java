package vn.gov.tinhmau.dvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;

@SpringBootApplication
@EnableFeignClients
public class DvcApplication {
    public static void main(String[] args) {
        SpringApplication.run(DvcApplication.class, args);
    }
}
