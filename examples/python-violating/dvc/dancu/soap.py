"""The C06 SOAP service through zeep."""
from django.conf import settings
from zeep import Client


def xac_thuc(so_dinh_danh, ho_va_ten):
    client = Client(settings.DANCU_WSDL)
    return client.service.XacThucThongTinCongDan(SoDinhDanh=so_dinh_danh, HoVaTen=ho_va_ten)
