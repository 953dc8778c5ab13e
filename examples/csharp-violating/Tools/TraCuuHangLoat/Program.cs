// A self-made bulk lookup tool: reads ID numbers from a file and asks the DB for each one
// through the C06 SOAP service, as fast as it can. This is what got a province's account locked.
using System.ServiceModel;

var client = new TraCuuSoapClient(new BasicHttpBinding(), new EndpointAddress("http://lgsp.tinh-mau.gov.vn/dancu/TraCuuSoap.asmx"));
foreach (var soDinhDanh in File.ReadAllLines(args[0]))
{
    var congDan = await client.TraCuuThongTinCongDanAsync(new TraCuuThongTinCongDanRequest { SoDinhDanh = soDinhDanh, MaCanBo = "CB0001" });
    Console.WriteLine(congDan);
}
