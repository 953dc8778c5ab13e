package dancu.quota_test

import data.dancu.fixtures
import data.dancu.quota

eval(calls) := findings if {
	findings := quota.deny with input as fixtures.facts({"callSites": calls})
		with data.settings as fixtures.settings
}

looped := fixtures.call_site({"loop": {"kind": "for", "line": 17}, "function": {"name": "traCuuDanhSach", "line": 10}})

test_quota_001_loop_without_limiter if {
	findings := eval([looped])
	findings == {{
		"rule": "DG-QUOTA-001",
		"file": "src/gateway/dancu.ts",
		"line": 20,
		"column": 9,
		"match": "axios.post|https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan|traCuuDanhSach",
		"message": {
			"en": "Population-DB call axios.post → https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan in traCuuDanhSach runs inside a for loop (line 17) with no rate limiter: a bulk loop can exceed the registered daily query quota and get the province's account locked.",
			"vi": "Lời gọi CSDLQG về dân cư axios.post → https://lgsp.example.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan trong traCuuDanhSach nằm trong vòng lặp for (dòng 17) mà không có bộ giới hạn tần suất: tra cứu hàng loạt có thể vượt ngưỡng truy vấn hàng ngày đã đăng ký và làm khóa tài khoản của tỉnh.",
		},
	}}
}

test_quota_001_limiter_accepted if {
	count(eval([fixtures.override(looped, {"limiter": {"name": "Bottleneck", "line": 5}})])) == 0
}

test_quota_001_limiter_call_in_path_accepted if {
	count(eval([fixtures.override(looped, {"callsInFunction": ["axios.post", "auditLog.write", "rateLimiter.acquire"]})])) == 0
	count(eval([fixtures.override(looped, {"callers": [{"name": "run", "line": 3, "calls": ["limit", "pLimit"]}]})])) == 0
}

test_quota_001_no_loop_no_finding if {
	count(eval([fixtures.call_site({})])) == 0
}

test_quota_001_non_db_loop_ignored if {
	count(eval([fixtures.override(looped, {"target": {"url": "https://api.example.com/", "via": ["literal"]}})])) == 0
}

test_quota_001_loop_without_details if {
	[f] := [f | some f in eval([fixtures.override(looped, {"loop": {}})])]
	contains(f.message.en, "inside a ? loop (line 20)")
}
