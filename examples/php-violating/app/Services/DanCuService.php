<?php

namespace App\Services;

use GuzzleHttp\Client;

/** Looks a citizen up in the population DB. No audit record is written on this path. */
class DanCuService
{
    private Client $client;

    public function __construct()
    {
        $this->client = new Client([
            'base_uri' => config('dancu.url'),
            'verify' => false,
            'timeout' => 10,
        ]);
    }

    public function traCuu(string $soDinhDanh, string $maCanBo): array
    {
        $response = $this->client->post('/TraCuuThongTinCongDan', [
            'json' => ['SoDinhDanh' => $soDinhDanh, 'MaCanBo' => $maCanBo],
        ]);

        return json_decode((string) $response->getBody(), true);
    }
}
