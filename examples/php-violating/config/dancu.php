<?php

// Population DB account of the province (synthetic values).
return [
    'url' => env('DANCU_URL', 'http://lgsp.tinh-mau.gov.vn/apiCSDLDanCu'),
    'soap_wsdl' => env('DANCU_SOAP_WSDL', 'https://lgsp.tinh-mau.gov.vn/dancu/TraCuuSoap.asmx?wsdl'),
    'username' => env('DANCU_USERNAME', 'tinhmau_dvc'),
    'secret_key' => env('DANCU_SECRET_KEY', 'Sup3rS3cretValue!9x'),
];
