using CivicPairing.Web.Infrastructure.Spreadsheets;
namespace CivicPairing.UnitTests.Spreadsheets;

public class XlsxFirstSheet
{
    [Fact]
    public void ReadsTheFirstWorksheetNamedByTheWorkbookNotWhateverIsCalledSheet1()
    {
        using var file = ZipFixture.Create(
            ("_rels/.rels", ZipFixture.RootRels),
            ("xl/workbook.xml", """
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                  <sheets>
                    <sheet name="图表" sheetId="3" r:id="rId9"/>
                    <sheet name="汇总" sheetId="2" r:id="rId7"/>
                    <sheet name="Sheet1" sheetId="1" r:id="rId1"/>
                  </sheets>
                </workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                  <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/summary.xml"/>
                  <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>
                  <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
                </Relationships>
                """),
            ("xl/sharedStrings.xml", """
                <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">
                  <si><t>金墩社区</t></si>
                  <si><r><rPr><b/></rPr><t>市财政</t></r><r><t xml:space="preserve">局 </t></r><rPh sb="0" eb="1"><t>shi</t></rPh></si>
                </sst>
                """),
            ("xl/worksheets/sheet1.xml", """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>
                """),
            ("xl/worksheets/summary.xml", """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                  <sheetData>
                    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
                    <row r="3"><c r="A3"><v>38</v></c><c r="B3"><v>1.5</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c><c r="E3"><v>1.1000000000000001</v></c></row>
                    <row r="4"><c r="A4" s="2"/></row>
                    <row r="5"><c r="B5" t="s"><v>0</v></c><c r="C5" t="e"><v>#N/A</v></c></row>
                    <row r="6"><c r="A6" s="1"/><c r="B6" s="1"/></row>
                    <row r="9"/>
                  </sheetData>
                </worksheet>
                """));

        var rows = XlsxReader.ReadFirstSheet(file, maxRows: 5);

        Assert.Equal<IReadOnlyList<string>>(
        [
            ["金墩社区", "", "市财政局 "],
            [],
            ["38", "1.5", "TRUE", "富文本", "1.1"],
            [],
            ["", "金墩社区", "#N/A"],
        ], rows);
    }
}
