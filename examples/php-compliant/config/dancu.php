<?php

// Everything comes from the environment the operator provides; no defaults for secrets.
return [
    'url' => env('DANCU_URL'),
    'username' => env('DANCU_USERNAME'),
    'secret_key' => env('DANCU_SECRET_KEY'),
    'daily_quota' => (int) env('DANCU_DAILY_QUOTA', 5000),
];
