// tracuu -f ids.txt: a self-made bulk lookup tool, as fast as it can.
package main

import (
	"bufio"
	"flag"
	"log"
	"net/http"
	"os"
)

const endpoint = "http://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan"

func main() {
	file := flag.String("f", "ids.txt", "file of ID numbers")
	flag.Parse()
	f, err := os.Open(*file)
	if err != nil {
		panic(err)
	}
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		req, _ := http.NewRequest(http.MethodGet, endpoint+"?SoDinhDanh="+scanner.Text(), nil)
		req.SetBasicAuth("tinhmau_dvc", "Sup3rS3cretValue!9x")
		resp, err := http.DefaultClient.Do(req)
		log.Printf("%s: %v %v", scanner.Text(), resp, err)
	}
}
