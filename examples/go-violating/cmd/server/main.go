// The DVC web server (a server main, not a tool).
package main

import (
	"net/http"

	"example.invalid/tinhmau/dvc/internal/dancu"
)

func main() {
	client := dancu.New()
	http.HandleFunc("/cong-dan", func(w http.ResponseWriter, r *http.Request) {
		body, _ := client.TraCuu(r.Context(), r.URL.Query().Get("so_dinh_danh"), r.Header.Get("X-Ma-Can-Bo"))
		w.Write(body)
	})
	http.ListenAndServe(":8080", nil)
}
