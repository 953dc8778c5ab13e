<?php

use App\Http\Controllers\CongDanController;
use Illuminate\Support\Facades\Route;

Route::middleware(['auth:sanctum', 'throttle:30,1'])->group(function () {
    Route::post('/cong-dan', [CongDanController::class, 'show']);
});
