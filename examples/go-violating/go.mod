module example.invalid/tinhmau/dvc

go 1.22
