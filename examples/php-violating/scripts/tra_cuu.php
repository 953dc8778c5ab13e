<?php
// php scripts/tra_cuu.php ids.txt — looks every ID of a file up, as fast as it can.

$ids = file($argv[1], FILE_IGNORE_NEW_LINES);
foreach ($ids as $soDinhDanh) {
    $ch = curl_init('http://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan?SoDinhDanh=' . $soDinhDanh);
    curl_setopt_array($ch, [
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_SSL_VERIFYPEER => false,
        CURLOPT_USERPWD => 'tinhmau_dvc:Sup3rS3cretValue!9x',
    ]);
    echo curl_exec($ch), PHP_EOL;
}
