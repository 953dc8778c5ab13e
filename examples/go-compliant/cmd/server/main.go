// The DVC web server: one route, through the gateway.
package main

import (
	"io"
	"net/http"

	"go.uber.org/zap"

	"example.invalid/tinhmau/dvc/internal/dancu"
)

func main() {
	audit, _ := zap.NewProduction()
	gateway := dancu.NewGateway(audit.Named("audit"))
	http.HandleFunc("/cong-dan", func(w http.ResponseWriter, r *http.Request) {
		resp, err := gateway.TraCuu(r.Context(), r.FormValue("so_dinh_danh"), r.Header.Get("X-Ma-Can-Bo"), r.Header.Get("X-Ma-Don-Vi"), r.FormValue("ma_ho_so"))
		if err != nil {
			http.Error(w, "lookup failed", http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		io.Copy(w, resp.Body)
	})
	http.ListenAndServe(":8080", nil)
}
