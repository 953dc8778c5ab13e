package vn.gov.tinhmau.dvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DvcApplication {
    public static void main(String[] args) {
        SpringApplication.run(DvcApplication.class, args);
    }
}
