// Package dancu looks citizens up in the population DB. No audit record is written here.
package dancu

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net/http"

	"github.com/spf13/viper"
)

const c06SecretKey = "Sup3rS3cretValue!9x"

type Client struct {
	http    *http.Client
	baseURL string
}

func New() *Client {
	return &Client{
		http: &http.Client{Transport: &http.Transport{
			TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
		}},
		baseURL: viper.GetString("dancu.url"),
	}
}

func (c *Client) TraCuu(ctx context.Context, soDinhDanh, maCanBo string) ([]byte, error) {
	url := fmt.Sprintf("%s/TraCuuThongTinCongDan?SoDinhDanh=%s&MaCanBo=%s", c.baseURL, soDinhDanh, maCanBo)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth("tinhmau_dvc", c06SecretKey)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
