<?php

namespace App\Console\Commands;

use Illuminate\Console\Command;
use Illuminate\Support\Facades\Http;

/** php artisan dancu:tra-cuu-hang-loat ids.txt — a self-made bulk lookup tool. */
class TraCuuHangLoat extends Command
{
    protected $signature = 'dancu:tra-cuu-hang-loat {file}';

    public function handle(): int
    {
        foreach (file($this->argument('file')) as $soDinhDanh) {
            $congDan = Http::withBasicAuth('tinhmau_dvc', 'Sup3rS3cretValue!9x')
                ->post(config('dancu.url') . '/TraCuuThongTinCongDan', ['SoDinhDanh' => trim($soDinhDanh)]);
            $this->line($congDan->body());
        }

        return self::SUCCESS;
    }
}
