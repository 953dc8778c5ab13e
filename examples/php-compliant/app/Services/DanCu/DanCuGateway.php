<?php

namespace App\Services\DanCu;

use Illuminate\Support\Facades\Http;
use Illuminate\Support\Facades\Log;
use Illuminate\Support\Facades\RateLimiter;
use Illuminate\Support\Str;
use RuntimeException;

/** The one audited gateway to the population DB. */
class DanCuGateway
{
    public function traCuu(string $soDinhDanh, string $maCanBo, string $maDonVi, string $mucDich): array
    {
        if (RateLimiter::tooManyAttempts('dancu', config('dancu.daily_quota'))) {
            throw new RuntimeException('Daily population-DB quota reached');
        }
        RateLimiter::hit('dancu', 86400);

        $maYeuCau = (string) Str::uuid();
        $response = Http::withBasicAuth(config('dancu.username'), config('dancu.secret_key'))
            ->baseUrl(config('dancu.url'))
            ->post('/TraCuuThongTinCongDan', [
                'MaYeuCau' => $maYeuCau,
                'SoDinhDanh' => $soDinhDanh,
                'MaCanBo' => $maCanBo,
            ]);

        Log::channel('audit')->info('tra cuu cong dan', [
            'ma_yeu_cau' => $maYeuCau,
            'ma_can_bo' => $maCanBo,
            'ma_don_vi' => $maDonVi,
            'muc_dich' => $mucDich,
            'ket_qua' => $response->successful(),
        ]);

        return $response->json();
    }
}
