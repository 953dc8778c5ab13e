# METADATA
# title: Daily query quota of the population DB
# description: >-
#   The registered daily query threshold must never be exceeded (R4): a self-made
#   tool that looped over citizens got a whole province's account locked. A call to
#   the National Population Database inside a loop must be rate limited.
# schemas:
#   - input: schema.facts
package dancu.quota

import data.dancu.lib

# A limiter wraps the call, or a limiter is called in the same code path
# (e.g. `rateLimiter.acquire()` inside the loop).
limited(cs) if is_object(cs.limiter)

limited(cs) if lib.call_in_path_matches(cs, "limiterPatterns")

# METADATA
# title: Population-DB call in a loop without a rate limiter
# scope: rule
# custom:
#   id: DG-QUOTA-001
#   severity: high
#   category: quota
#   basis: [R4]
#   title_vi: Lời gọi CSDLQG về dân cư trong vòng lặp không giới hạn tần suất
#   remediation_en: >-
#     Do not loop over lists of citizens against the DB. Where repeated calls are
#     legitimate, wrap them in a rate limiter (Bottleneck, p-limit, Bucket4j,
#     Resilience4j RateLimiter, ASP.NET RateLimiter, Flask-Limiter, Laravel
#     RateLimiter) sized below the registered daily quota, and stop when the quota is
#     reached.
#   remediation_vi: >-
#     Không lặp tra cứu theo danh sách công dân. Khi cần gọi nhiều lần hợp lệ, bọc lời
#     gọi bằng bộ giới hạn tần suất (Bottleneck, p-limit, Bucket4j, Resilience4j
#     RateLimiter, ASP.NET RateLimiter, Flask-Limiter, Laravel RateLimiter) thấp hơn
#     ngưỡng truy vấn hàng ngày đã đăng ký, và dừng khi đạt ngưỡng.
deny contains finding if {
	some cs in lib.db_calls
	is_object(cs.loop)
	not limited(cs)
	loop_kind := lib.str(cs.loop, "kind", "?")
	loop_line := lib.num(cs.loop, "line", cs.line)
	finding := lib.call_finding("DG-QUOTA-001", cs, {
		"en": sprintf("Population-DB call %s in %s runs inside a %s loop (line %d) with no rate limiter: a bulk loop can exceed the registered daily query quota and get the province's account locked.", [lib.call_desc(cs), lib.fn_name(cs), loop_kind, loop_line]),
		"vi": sprintf("Lời gọi CSDLQG về dân cư %s trong %s nằm trong vòng lặp %s (dòng %d) mà không có bộ giới hạn tần suất: tra cứu hàng loạt có thể vượt ngưỡng truy vấn hàng ngày đã đăng ký và làm khóa tài khoản của tỉnh.", [lib.call_desc(cs), lib.fn_name(cs), loop_kind, loop_line]),
	})
}
