package vn.gov.tinhmau.dvc.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;
import vn.gov.tinhmau.dvc.dancu.DanCuFeignClient;

/** Re-syncs every citizen of the province from a list of ID numbers at start-up, as fast as it can. */
@Component
public class DongBoCongDanRunner implements CommandLineRunner {
    private final DanCuFeignClient danCu;

    public DongBoCongDanRunner(DanCuFeignClient danCu) {
        this.danCu = danCu;
    }

    @Override
    public void run(String... args) throws Exception {
        if (args.length == 0) return;
        for (String soDinhDanh : Files.readAllLines(Path.of(args[0]))) {
            String congDan = danCu.chiaSeThongTinCongDan(Map.of("SoDinhDanh", soDinhDanh));
            Files.writeString(Path.of("out", soDinhDanh + ".json"), congDan);
        }
    }
}
