<?php
// Drives the DB's public portal with a headless browser instead of the API.

use Symfony\Component\Panther\Client;

$client = Client::createChromeClient();
$crawler = $client->request('GET', 'https://dichvucong.dancuquocgia.gov.vn/portal/tra-cuu');
echo $crawler->filter('#ket-qua')->text();
