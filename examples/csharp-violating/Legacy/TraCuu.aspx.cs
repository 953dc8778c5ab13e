using System;
using System.Configuration;
using System.IO;
using System.Net;

public partial class TraCuu : System.Web.UI.Page
{
    protected void btnTraCuu_Click(object sender, EventArgs e)
    {
        ServicePointManager.ServerCertificateValidationCallback = delegate { return true; };
        var url = ConfigurationManager.AppSettings["DanCuUrl"] + "?SoDinhDanh=" + txtSoDinhDanh.Text;
        var request = (HttpWebRequest)WebRequest.Create(url);
        request.Method = "GET";
        using var response = (HttpWebResponse)request.GetResponse();
        using var reader = new StreamReader(response.GetResponseStream());
        lblKetQua.Text = reader.ReadToEnd();
    }
}
