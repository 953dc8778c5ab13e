<?php

use App\Http\Controllers\CongDanController;
use Illuminate\Support\Facades\Route;

Route::post('/cong-dan', [CongDanController::class, 'show']);
