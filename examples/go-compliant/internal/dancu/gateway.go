// Package dancu is the one audited gateway to the population DB.
package dancu

import (
	"context"
	"net/http"
	"os"
	"strings"

	"github.com/google/uuid"
	"go.uber.org/zap"
	"golang.org/x/time/rate"
)

type Gateway struct {
	http    *http.Client
	baseURL string
	user    string
	secret  string
	limiter *rate.Limiter
	audit   *zap.Logger
}

func NewGateway(audit *zap.Logger) *Gateway {
	return &Gateway{
		http:    &http.Client{},
		baseURL: os.Getenv("DANCU_URL"),
		user:    os.Getenv("C06_USERNAME"),
		secret:  os.Getenv("C06_SECRET_KEY"),
		limiter: rate.NewLimiter(rate.Limit(5000.0/86400), 10),
		audit:   audit,
	}
}

// TraCuu looks one citizen up for one officer, within the daily quota, and writes the audit record.
func (g *Gateway) TraCuu(ctx context.Context, soDinhDanh, maCanBo, maDonVi, mucDich string) (*http.Response, error) {
	if err := g.limiter.Wait(ctx); err != nil {
		return nil, err
	}
	maYeuCau := uuid.NewString()
	body := `{"MaYeuCau":"` + maYeuCau + `","SoDinhDanh":"` + soDinhDanh + `","MaCanBo":"` + maCanBo + `"}`
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, g.baseURL+"/TraCuuThongTinCongDan", strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(g.user, g.secret)
	resp, err := g.http.Do(req)
	g.audit.Info("tra cuu cong dan",
		zap.String("ma_yeu_cau", maYeuCau),
		zap.String("ma_can_bo", maCanBo),
		zap.String("ma_don_vi", maDonVi),
		zap.String("muc_dich", mucDich),
		zap.Bool("ket_qua", err == nil),
	)
	return resp, err
}
