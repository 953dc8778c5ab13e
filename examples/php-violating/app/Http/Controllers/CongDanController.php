<?php

namespace App\Http\Controllers;

use App\Services\DanCuService;
use Illuminate\Http\Request;

class CongDanController extends Controller
{
    public function __construct(private DanCuService $danCu)
    {
    }

    public function show(Request $request)
    {
        return $this->danCu->traCuu($request->input('so_dinh_danh'), $request->user()->ma_can_bo);
    }
}
