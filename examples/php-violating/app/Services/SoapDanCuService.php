<?php

namespace App\Services;

use SoapClient;

/** The C06 SOAP service, called directly. */
class SoapDanCuService
{
    public function traCuu(string $soDinhDanh)
    {
        $client = new SoapClient(config('dancu.soap_wsdl'), ['trace' => 1]);

        return $client->TraCuuThongTinCongDan(['SoDinhDanh' => $soDinhDanh, 'MaCanBo' => 'CB0001']);
    }
}
