"""PDF, DOCX and HTML readers on files generated here (fpdf2 with a CJK TrueType font,
python-docx, literal HTML).  The PDF tests need a CJK font: Debian package fonts-wqy-zenhei."""
from __future__ import annotations

import glob
import re
import subprocess
from pathlib import Path

import pytest

from govdoc.read import read_path

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)


def cjk_font() -> str:
    for path in FONT_CANDIDATES:
        if Path(path).exists():
            return path
    try:
        listed = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, check=False).stdout
    except OSError:
        listed = ""
    files = [line.split(":")[0] for line in listed.splitlines() if line.split(":")[0].endswith((".ttf", ".ttc"))]
    files += glob.glob("/usr/share/fonts/**/*[Cc][Jj][Kk]*.tt[fc]", recursive=True)
    if not files:
        pytest.skip("no CJK TrueType font installed (apt-get install fonts-wqy-zenhei)")
    return files[0]


def make_pdf(path: Path, pages: list[list[str]], *, footer: str | None = None, password: str | None = None) -> Path:
    """One PDF page per list of lines; ``footer`` (with ``{n}``) printed at each page bottom."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_font("zh", "", cjk_font())
    pdf.set_font("zh", size=14)
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    for number, lines in enumerate(pages, 1):
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 9, line, new_x="LMARGIN", new_y="NEXT")
        if footer:
            pdf.set_y(-25)
            pdf.cell(0, 9, footer.format(n=number), align="C")
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("engine", ["pdfium", "plumber"])
def test_read_pdf_one_page_per_pdf_page(tmp_path, engine):
    pages = [["许昌市生态环境局", "关于第134号建议的答复", "张永波代表："], ["感谢您对生态环境保护工作的关心。", "2019年9月20日"]]
    result = read_path(make_pdf(tmp_path / "letter.pdf", pages), engine=engine)
    assert result.format == "pdf"
    assert [p.number for p in result.pages] == [1, 2]
    assert all(p.layout for p in result.pages)
    for page, lines in zip(result.pages, pages):
        assert [line.strip() for line in page.text.splitlines() if line.strip()] == lines


def test_read_pdf_then_normalize_drops_page_numbers(tmp_path):
    from govdoc.normalize import normalize

    pages = [["对推动我市生态环境与经济协调发展工作具有很好的指导意义。"], ["许昌市生态环境局"]]
    result = read_path(make_pdf(tmp_path / "numbered.pdf", pages, footer="— {n} —"))
    norm = normalize(result.pages)
    assert "—" not in norm.text
    assert norm.page_numbers == [1, 2]
    assert norm.text[norm.page_starts[1]:] == "许昌市生态环境局"


def test_read_pdf_encrypted_with_password_option(tmp_path):
    path = make_pdf(tmp_path / "locked.pdf", [["加密的答复函内容"]], password="secret")
    assert read_path(path, password="secret").pages[0].text.strip() == "加密的答复函内容"


def test_read_docx_paragraphs_and_tables_in_order(tmp_path):
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_paragraph("许昌市生态环境局")
    document.add_paragraph("张永波代表：")
    table = document.add_table(rows=2, cols=2)
    for row, (label, value) in enumerate([("办理结果", "A"), ("联系人", "李四")]):
        table.cell(row, 0).text, table.cell(row, 1).text = label, value
    last = document.add_paragraph("第一页结尾")
    last.add_run().add_break(WD_BREAK.PAGE)
    last.add_run("第二页\t开头")
    document.add_paragraph("2019年9月20日")
    path = tmp_path / "letter.docx"
    document.save(path)

    result = read_path(path)
    assert result.format == "docx"
    assert [p.text.split("\n") for p in result.pages] == [
        ["许昌市生态环境局", "张永波代表：", "办理结果 A", "联系人 李四", "第一页结尾"],
        ["第二页 开头", "2019年9月20日"],
    ]


GOV_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>关于市七届人大四次会议第134号建议的答复_许昌市人民政府</title>
<style>.red {{ color: red }}</style><script>var notice = "脚本里的文字";</script></head>
<body>
<div class="header"><a href="/">首页</a><a href="/gk">政务公开</a></div>
<div class="nav"><ul><li><a href="#">机构概况</a></li><li><a href="#">政策文件</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/jy">建议提案</a></div>
<table class="xxgk"><tr><td>索引号：</td><td>123-456</td><td>发文字号：</td><td>许环〔2019〕4号</td></tr>
<tr><td>成文日期：</td><td>2019-09-20</td></tr></table>
<h1>关于市七届人大四次会议第134号建议的答复</h1>
<div class="share">分享到：微信 微博</div>
<div id="zoom">
<p>张永波代表：</p>
<p>　　您提出的关于“统筹生态环境与经济协调发展”的建议收悉，现答复如下：</p>
<p>　　首先，非常感谢您的关注。<br>我们对您的提案进行了认真的研究。</p>
<table><tr><td>联系人</td><td>李四</td></tr></table>
<div style="text-align:right">许昌市生态环境局<br/>2019年9月20日</div>
</div>
<div class="pagination"><a href="/133">上一篇：关于第133号建议的答复</a></div>
<div class="footer">版权所有：许昌市人民政府 主办单位：许昌市人民政府办公室</div>
</body></html>"""
ARTICLE = [
    "索引号： 123-456 发文字号： 许环〔2019〕4号",
    "成文日期： 2019-09-20",
    "关于市七届人大四次会议第134号建议的答复",
    "张永波代表：",
    "您提出的关于“统筹生态环境与经济协调发展”的建议收悉，现答复如下：",
    "首先，非常感谢您的关注。",
    "我们对您的提案进行了认真的研究。",
    "联系人 李四",
    "许昌市生态环境局",
    "2019年9月20日",
]


@pytest.mark.parametrize(("charset", "encoding"), [("utf-8", "utf-8"), ("gb2312", "gb18030"), ("gbk", "gb18030")])
def test_read_html_keeps_article_drops_chrome(tmp_path, charset, encoding):
    path = tmp_path / "page.html"
    path.write_bytes(GOV_PAGE.format(charset=charset).encode(encoding))
    result = read_path(path)
    assert result.format == "html"
    assert result.encoding == encoding
    assert [line for line in result.pages[0].text.split("\n") if line] == ARTICLE


@pytest.mark.parametrize(
    ("html", "lines"),
    [
        ("<html><body><div><p>第一段落内容，足够长的正文文字在这里。</p><p>第二段落内容。</p></div></body></html>",
         ["第一段落内容，足够长的正文文字在这里。", "第二段落内容。"]),
        ("<html><body><td>正文第一行，内容很多很多。<br>正文第二行<br/>正文第三行</td></body></html>",
         ["正文第一行，内容很多很多。", "正文第二行", "正文第三行"]),
    ],
)
def test_read_html_line_structure(tmp_path, html, lines):
    path = tmp_path / "page.htm"
    path.write_text(html, encoding="utf-8")
    assert [line for line in read_path(path).pages[0].text.split("\n") if line] == lines


def test_read_pdf_layout_end_to_end(tmp_path):
    """Running header, page numbers, letter-spaced title, a sentence wrapped over lines and
    over a page break: one clean text with page offsets."""
    from govdoc.normalize import normalize

    header = "许昌市生态环境局关于第134号建议的答复"
    pages = [
        [header, "答 复 函", "张永波代表：",
         "您提出的关于统筹生态环境与经济协调发展的建议收悉，现",
         "答复如下：首先，非常感谢您对统筹生态环境与经济发展的",
         "关注。我们对您的提案进行了认真的学习、研究和讨论，对"],
        [header, "推动我市生态环境与经济协调发展工作具有很好的指导意",
         "义。", "许昌市生态环境局", "2019年9月20日"],
    ]
    norm = normalize(read_path(make_pdf(tmp_path / "letter.pdf", pages, footer="— {n} —")).pages)
    assert norm.text.split("\n") == [
        "答复函",
        "张永波代表：",
        "您提出的关于统筹生态环境与经济协调发展的建议收悉，现答复如下：首先，非常感谢您对统筹生态环境与经济发展的"
        "关注。我们对您的提案进行了认真的学习、研究和讨论，对推动我市生态环境与经济协调发展工作具有很好的指导意义。",
        "许昌市生态环境局",
        "2019年9月20日",
    ]
    assert norm.text[norm.page_starts[1]:].startswith("推动我市")


def test_read_html_big5_traditional_page(tmp_path):
    from govdoc.normalize import normalize

    page = ("<html><head><meta charset='big5'><title>答復</title></head><body><table><tr><td class='nav'>"
            "<a href='/'>首頁</a></td></tr><tr><td>羅瑞等代表：<br>你們提出的建議收悉，現答復如下：<br>"
            "感謝您對教育工作的關心和支持。<br>鎮康縣教育局</td></tr></table></body></html>")
    path = tmp_path / "trad.html"
    path.write_bytes(page.encode("big5"))
    result = read_path(path)
    norm = normalize(result.pages)
    assert result.encoding == "cp950"
    assert norm.text.split("\n")[-4:] == ["羅瑞等代表：", "你們提出的建議收悉，現答復如下：", "感謝您對教育工作的關心和支持。", "鎮康縣教育局"]
    assert "罗瑞等代表" in norm.match and "镇康县教育局" in norm.match


def test_read_pdf_joins_only_the_lines_a_paragraph_wrapped(tmp_path):
    """A title that nearly fills its line (room for one more character) stays apart from the
    salutation under it; the lines of a wrapped paragraph are joined; the last page, with a
    few lines and no paragraph of its own, is measured against the document's text block;
    a wide gap between two columns of a line survives as spaces."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode

    from govdoc.normalize import normalize

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(25, 28, 25)
    pdf.add_font("zh", "", cjk_font())
    pdf.set_font("zh", size=15)
    pdf.add_page()
    pdf.cell(0, 8, "黔农字〔2016〕12号")
    pdf.set_x(130)
    pdf.cell(0, 8, "签发人：罗德明", new_x="LMARGIN", new_y="NEXT")
    title = "关于区十八届人大四次会议第二十号建议办理情况的答复函二"  # 28 of 30 characters
    paragraph = ("您提出的关于进一步深化实施城市更新行动推动高质量发展的建议收悉。2021年以来，我局牵头实施"
                 "城镇老旧小区改造，全区累计改造完成105个老旧小区，惠及17729户居民，建筑面积约152万平方米"
                 "，今年继续实施老旧小区改造85个")
    for line in (title, "平原代表：", paragraph):
        pdf.multi_cell(0, 8, line, wrapmode=WrapMode.CHAR, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    for line in ("区住房和城乡建设局", "2025年7月28日", "联系人：张三，联系电话：0351-1234567", "抄送：区人大常委会选联工委"):
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "wrapped.pdf"
    pdf.output(str(path))
    result = read_path(path)
    lines = normalize(result.pages).text.split("\n")
    assert re.fullmatch("黔农字〔2016〕12号 {2,}签发人：罗德明", lines[0])  # the column gap, as spaces
    assert lines[1:] == [title, "平原代表：", paragraph, "区住房和城乡建设局", "2025年7月28日",
                         "联系人：张三，联系电话：0351-1234567", "抄送：区人大常委会选联工委"]


def test_read_pdf_list_wrapped_over_a_page_break_is_joined(tmp_path):
    """A copy-to list without sentence punctuation that wraps from the foot of one page to
    the head of the next (under a page number and a running header) is one line again: the
    reader saw its last line run to the edge and the next page start at the margin."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode

    from govdoc.normalize import normalize

    class Letter(FPDF):
        def header(self):
            self.set_y(10)
            self.cell(0, 8, "衡阳市水利局关于第27号建议的答复", align="C")
            self.set_y(28)

        def footer(self):
            self.set_y(-18)
            self.cell(0, 8, f"— {self.page_no()} —", align="C")

    pdf = Letter(format="A4", unit="mm")
    pdf.set_margins(25, 28, 25)
    pdf.set_auto_page_break(True, margin=30)
    pdf.add_font("zh", "", cjk_font())
    pdf.set_font("zh", size=15)
    pdf.add_page()
    body = "感谢您对全市水利工作的关心和支持，我局将按照建议认真抓好各项工作的落实，切实加强农村饮水安全工程的建设和管理。"
    while pdf.get_y() < 297 - 30 - 8 * 6:
        pdf.multi_cell(0, 8, body, wrapmode=WrapMode.CHAR, new_x="LMARGIN", new_y="NEXT")
    cc = "抄送：市人大常委会选联工委、市政府督查室、祁东县水利局、衡南县水利局、衡阳县水利局、常宁市水利局、耒阳市水利局、衡东县水利局"
    pdf.set_y(297 - 30 - 8)  # the list's first line is the page's last
    pdf.multi_cell(0, 8, cc, wrapmode=WrapMode.CHAR, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "runs-on.pdf"
    pdf.output(str(path))
    result = read_path(path)
    assert len(result.pages) == 2 and result.pages[0].runs_on and not result.pages[1].runs_on
    assert normalize(result.pages).text.split("\n")[-1] == cc


def test_read_pdf_line_with_room_for_the_next_character_or_ending_a_url_is_not_wrapped(tmp_path):
    """A line that ends short of the edge by more than the advance of the next line's first
    character did not wrap there (that character would have fitted), though it ends within a
    line height of the edge; nor did a web address that ends at the edge with Chinese under it.
    The lines of the paragraph under them, which did wrap, are joined."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode

    from govdoc.normalize import normalize

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(25, 28, 25)
    pdf.add_font("zh", "", cjk_font())
    pdf.set_font("zh", size=15)
    pdf.add_page()
    url = "来源：http://www.example.gov.cn/jyta/2021/"
    while pdf.get_string_width(url + "a.html") <= pdf.epw:  # the address ends at the edge
        url += "a"
    url += ".html"
    # 27 characters and three digits: 1.2 characters short of the edge, room for one more
    title = "宁远县住房和城乡建设局关于十八届人大四次会议第101号建议的答复"
    paragraph = ("您提出的关于进一步深化实施城市更新行动推动高质量发展的建议收悉。2021年以来，我局牵头实施"
                 "城镇老旧小区改造，全区累计改造完成105个老旧小区，惠及17729户居民，建筑面积约152万平方米"
                 "，今年继续实施老旧小区改造85个，涉及居民八千余户")
    for line in (url, title, "平原代表：", paragraph):
        pdf.multi_cell(0, 8, line, wrapmode=WrapMode.CHAR, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "fits.pdf"
    pdf.output(str(path))
    assert normalize(read_path(path).pages).text.split("\n") == [url, title, "平原代表：", paragraph]
