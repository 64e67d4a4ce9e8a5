"""extract.issuer: the issuing organ as the text names it; 我局, 联系单位 and 印发 lines name nobody."""
import pytest

from govdoc.extract.issuer import find_issuers
from govdoc.extract.analysis import Analysis

BODY = "您提出的关于加强农村公路建设的建议收悉,现答复如下:\n我局高度重视,认真研究,积极推进。\n感谢您对交通工作的关心和支持!\n"


def _issuer(text):
    norm = Analysis(text)
    cands = find_issuers(norm)
    if not cands:
        return None
    best = max(cands, key=lambda c: (c.score, -c.start))
    return norm.slice(best.start, best.end)


@pytest.mark.parametrize("text, expected", [
    # signature line above the date
    ("熊林花代表:\n" + BODY + "马关县交通运输局\n2020年9月18日\n联系人及电话:骆永仙,13800009117\n", "马关县交通运输局"),
    ("龚程代表:\n" + BODY + "                 神山镇人民政府\n                 二〇二三年九月十五日\n", "神山镇人民政府"),
    ("胡敏委员:\n" + BODY + "        汨罗市公安局交通警察大队\n\n          2023518\n\n承办人及联系电话:杨毅\n",
     "汨罗市公安局交通警察大队"),
    ("羅瑞等代表:\n" + BODY + "鎮(zhèn)康縣教育局\n2018年5月15日\n", "鎮(zhèn)康縣教育局"),
    ("张代表:\n" + BODY + "马关县交通运输局        2020年9月18日\n", "马关县交通运输局"),
    # a handling record's answer line
    ("标 题:关于重新规划土地的议案\n提案代表:王建荣等10名代表\n办理情况:\n区规划分局于2017年5月24日答复:\n"
     "我局对您的建议进行了认真研究,该地块为非建设用地。\n", "区规划分局"),
    # organ and date set apart by a character lost in transcoding
    ("张代表:\n" + BODY + "马关县交通运输局?2020年9月18日\n", "马关县交通运输局"),
    ("张代表:\n" + BODY + "马关县交通运输局\ufffd2020年9月18日\n", "马关县交通运输局"),
    ("张代表:\n" + BODY + "安化县林业局\n二O二三年元月九日\n", "安化县林业局"),
    # a joint letter signed side by side: the lead unit signs first
    ("王代表:\n" + BODY + "醴陵市水利局　　　　醴陵市住房和城乡建设局\n2023年7月6日\n", "醴陵市水利局"),
    # …but a red header names the issuer
    ("醴陵市住房和城乡建设局文件\n\n醴住建〔2023〕5号\n王代表:\n" + BODY
     + "醴陵市水利局　　　　醴陵市住房和城乡建设局\n2023年7月6日\n", "醴陵市住房和城乡建设局"),
    # signature line that ends the letter, no date
    ("雨露乡委员小组:\n" + BODY + "南华县交通运输局\n", "南华县交通运输局"),
    # red header; the 印发 office is not the issuer
    ("许昌市生态环境局文件\n\n许环〔2019〕4号\n\n张永波代表:\n" + BODY
     + "(联系单位：许昌市生态环境局 电话：0374-6069500)\n\n许昌市生态环境局办公室\n\n2019年9月20日印发", "许昌市生态环境局"),
    # red header with the number on the same line
    ("安阳市水利局文件　　　　安水〔2021〕12号\n\n刘代表:\n" + BODY + "2021年6月3日\n", "安阳市水利局"),
    # an organ line of its own above the number (no 文件), or before the number on one line
    ("类别：B\n\n竹溪县林业局\n\n竹林字〔2010〕8号\n\n对县人大建议的答复\n王代表:\n" + BODY + "二○一○年七月二日\n",
     "竹溪县林业局"),
    ("竹溪县林业局　　　　竹林字〔2010〕8号\n王代表:\n" + BODY + "二○一○年七月二日\n", "竹溪县林业局"),
    # first line of the title block
    ("潼关县民政局关于对县十八届人大三次会议第12号建议的答复\n王代表:\n" + BODY, "潼关县民政局"),
    ("2022年度滕州市住建局关于人大十九届一次会议第50号代表建议的答复\n马军运代表:\n" + BODY, "滕州市住建局"),
    ("株洲县水利局\n对县十一届人大六次会议第12号建议的答复\n许永立等代表:\n" + BODY, "株洲县水利局"),
    # agency in brackets after the title
    ("关于县十五届人大三次会议第7号建议的答复(水利局)\n李代表:\n" + BODY, "水利局"),
    # page metadata
    ("对隆尧县第十五届人民代表大会第六次会议第60号建议的答复\n来源:政府办 时间:2021-09-22\n王运强代表:\n" + BODY
     + "2021年9月12日\n", "政府办"),
    ("2021-08-17 来源:生态环境部\n黄莉新等25位委员:\n" + BODY, "生态环境部"),
    ("索引号000014349/2025-29292 成文日期2025-11-21\n发文机关平顺县林业局 发布日期2025-11-21\n王代表:\n" + BODY,
     "平顺县林业局"),
    ("发布机构: 银川市交通运输局 责任部门: 银川市交通局\n刘代表:\n" + BODY, "银川市交通运输局"),
    ("| 发文字号 | 黑文旅函〔2026〕57号 | 发布机构 | 黑龙江省文化和旅游厅 |\n孙代表:\n" + BODY, "黑龙江省文化和旅游厅"),  # table cells
    # an organ line ending the letter, with the page's chrome under it
    ("雨露乡委员小组:\n" + BODY + "南华县交通运输局\n\n【打印本页】【关闭窗口】\n上一篇：关于第12号提案的答复\n"
     "主办单位：南华县人民政府办公室  版权所有  备案号：滇ICP备12345678号\n", "南华县交通运输局"),
    # 承办单位 line in the signature block
    ("王代表:\n" + BODY + "承办单位：县农业农村局\n2023年5月8日\n", "县农业农村局"),
])
def test_issuer(text, expected):
    assert _issuer(text) == expected


@pytest.mark.parametrize("text", [
    "蔡中文代表:\n" + BODY + "分管领导:袁定军\n分管单位:城建股\n承办人:万昌明\n2021年5月6日\n",
    "鲁兵委员:\n" + BODY + "联系单位:灵璧县文化和旅游局\n联系电话:0557-6022140\n2024年7月30日\n",
    "编稿时间: 2021-08-23 15:26 来源: 君山区政府门户网 浏览量:1次\n蔡代表:\n" + BODY,
    "时间:2017-08-20  来源:长治日报\n王代表:\n" + BODY,
    "来源: 日期: 【字号:大 中\n胡敏委员:\n" + BODY,
    "平原代表:\n" + BODY + "联 系 人:陈乃俊\n2025年7月28日\n",
    "王代表:\n" + BODY + "我局将继续做好相关工作。\n2023年5月8日\n",
    "首页 > 政务公开\n竹林字〔2010〕8号\n王代表:\n" + BODY + "二○一○年七月二日\n",
    # a title block's first line ending in 委员会 is not an organ line
    "关于对政协桃江县第十届委员会\n第二次会议第75号提案办理情况的答复\n王委员:\n" + BODY,
    "王代表:\n" + BODY + "醴陵市水利局　　　　局长  张  三\n2023年7月6日\n",
    # a 承办单位 field on a suggestion record (above the suggestion's text) is the handling unit
    "建議編號：第0318號\n領銜代表：陳麗華\n承辦單位：區水務局\n標題：關於……的建議\n內容：\n近年來我區發展較快。\n",
])
def test_no_issuer(text):
    assert _issuer(text) is None


@pytest.mark.parametrize("text, expected", [
    ("对十三届全国人大五次会议第6724号建议的答复\n\n  • 发文单位:\n\n     住房和城乡建设部\n\n  • 文  号:\n\n     建建复字〔2022〕75号\n" + BODY,
     "住房和城乡建设部"),                                  # bulleted metadata: the value on the next line
    ("发文机构: 崇阳县应急管理局 主题分类: 其他\n" + BODY, "崇阳县应急管理局"),
])
def test_metadata_unseen_forms(text, expected):
    assert _issuer(text) == expected


@pytest.mark.parametrize("text", [
    "  • 发文单位:\n\n  • 文  号:\n\n     建建复字〔2022〕75号\n" + BODY,   # an empty field takes nothing from below
])
def test_empty_metadata_field(text):
    assert _issuer(text) is None
