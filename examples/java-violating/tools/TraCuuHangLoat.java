// A self-made bulk lookup tool: reads a list of ID numbers and queries the DB for each,
// as fast as it can. This is what got a province's account locked. Synthetic values.
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public class TraCuuHangLoat {
    private static final String DANCU_URL = "http://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan";

    public static void main(String[] args) throws Exception {
        List<String> ids = Files.readAllLines(Path.of(args[0]));
        for (String soDinhDanh : ids) {
            HttpURLConnection con = (HttpURLConnection) new URL(DANCU_URL + "?SoDinhDanh=" + soDinhDanh).openConnection();
            con.setRequestProperty("Authorization", "Basic dGluaG1hdV9kdmM6U3VwM3JTM2NyZXRWYWx1ZSE5eA==");
            System.out.println(new String(con.getInputStream().readAllBytes()));
        }
    }
}
