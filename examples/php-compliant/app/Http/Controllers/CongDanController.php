<?php

namespace App\Http\Controllers;

use App\Services\DanCu\DanCuGateway;
use Illuminate\Http\Request;

class CongDanController extends Controller
{
    public function __construct(private DanCuGateway $gateway)
    {
    }

    public function show(Request $request)
    {
        return $this->gateway->traCuu(
            $request->input('so_dinh_danh'),
            $request->user()->ma_can_bo,
            $request->user()->ma_don_vi,
            $request->input('ma_ho_so'),
        );
    }
}
