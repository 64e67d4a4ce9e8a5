"""extract.title: the letter's own title block, joined, without a glued number or agency bracket."""
import pytest

from govdoc.extract.title import best_title, title_text
from govdoc.extract.analysis import Analysis

SALUTE = "张永波代表:\n\n您提出的关于统筹生态环境与经济协调发展的建议收悉,现答复如下:\n首先,感谢您的关注。\n"


def _title(text):
    norm = Analysis(text)
    cand = best_title(norm)
    return None if cand is None else title_text(norm, cand)


@pytest.mark.parametrize("text, expected", [
    # the seed letter's header: title split over two lines with blank lines in between
    ("许昌市生态环境局文件\n\n许环〔2019〕4号\n\n签发人：李光亚\n\n办理结果：A\n\n对市七届人大四次会议\n\n第134号建议的答复\n\n"
     + SALUTE, "对市七届人大四次会议第134号建议的答复"),
    ("关于对县政协九届三次会议第55号提案的\n答复\n雨露乡委员小组:\n你们的提案收悉,现答复如下:\n",
     "关于对县政协九届三次会议第55号提案的答复"),
    ("潼关县民政局关于对县十八届人大三次会议第12号建议的答复\n" + SALUTE,
     "潼关县民政局关于对县十八届人大三次会议第12号建议的答复"),
    ("株洲县水利局\n对县十一届人大六次会议第12号建议的答复\n" + SALUTE,
     "株洲县水利局对县十一届人大六次会议第12号建议的答复"),           # issuer as the block's first line
    ("株洲县水利局\n对县十一届人大六次会议第12号建议的\n \n \n" + SALUTE,
     "株洲县水利局对县十一届人大六次会议第12号建议的"),                # cut title kept as is
    ("嘉嘉办理〔2024〕2号关于对区七届人大四次会议 第T014号代表建议的会办意见\n区住房保障房屋管理局\n"
     "薄韫代表提出的代表建议收悉,经研究,现将会办意见函告如下\n",
     "关于对区七届人大四次会议 第T014号代表建议的会办意见"),          # glued number left out
    ("关于县十五届人大三次会议第7号建议的答复(水利局)\n" + SALUTE, "关于县十五届人大三次会议第7号建议的答复"),
    ("2022年度滕州市住建局关于人大十九届一次会议第50号代表建议的答复(关于将单位宿舍纳入老旧小区改造范围的建议)\n"
     + SALUTE, "2022年度滕州市住建局关于人大十九届一次会议第50号代表建议的答复(关于将单位宿舍纳入老旧小区改造范围的建议)"),
    ("(A类)关于市七届人大四次会议第5号建议的答复\n" + SALUTE, "关于市七届人大四次会议第5号建议的答复"),
    ("关于政协十三届全国委员会第二次会议第3838号\n(资源环境类224号)提案答复的函\n\n  您提出的《关于加大国家生态文明"
     "试验区建设的提案》收悉。经商生态环境部,现答复如下。\n",
     "关于政协十三届全国委员会第二次会议第3838号(资源环境类224号)提案答复的函"),
    # page heading and breadcrumbs above the letter's own block: the own block wins
    ("当前位置: 首页 > 互动交流 > 建议提案\n株洲县人大十一届第六次会议第12号建议的答复\n更新时间:2016-09-30\n"
     "株县水利字〔2016〕2号(B)类\n株洲县水利局\n对县十一届人大六次会议第12号建议的答复\n" + SALUTE,
     "株洲县水利局对县十一届人大六次会议第12号建议的答复"),
    ("第27号提案的答复\n\n 对政协沧县第十四届委员会第一次会议\n\n27号提案的答复\n\n尊敬的陈国兴委员\n\n"
     "您提出的提案收悉,现答复如下:\n", "对政协沧县第十四届委员会第一次会议27号提案的答复"),
    ("關於對縣十七屆人大二次會議第3號建議的答覆\n羅瑞等代表:\n你們的建議收悉,現答覆如下:\n",
     "關於對縣十七屆人大二次會議第3號建議的答覆"),                   # traditional, verbatim
    # a title over several lines that passes a 提案/建议 line on its way to the reply ending
    ("关于对政协桃江县第十届委员会\n第二次会议第75号提案\n办理情况的\n答复\n\n" + SALUTE,
     "关于对政协桃江县第十届委员会第二次会议第75号提案办理情况的答复"),
    ("桃江县水利局\n关于对县十八届人大\n二次会议第9号建议\n办理情况的\n答复\n" + SALUTE,
     "桃江县水利局关于对县十八届人大二次会议第9号建议办理情况的答复"),
    # …but a suggestion heading followed by the body stays as it is
    ("关于加强乡村道路养护的建议\n领衔代表：张三\n内容：乡村道路失养严重。\n", "关于加强乡村道路养护的建议"),
    # metadata title as the fallback
    ("文件名称:对十二届全国人大四次会议5185号建议的答复\n文件编号:\n尊敬的邢克智代表:\n您提出的建议收悉。经商财政部,"
     "提出以下答复意见。\n", "对十二届全国人大四次会议5185号建议的答复"),
    # other documents: their heading
    ("丽水市卫生健康委员会关于印发市政协五届四次会议第271号提案公开办理工作方案的通知\n市财政局、市建设局:\n"
     "根据统一安排,特制定本工作方案。\n", "丽水市卫生健康委员会关于印发市政协五届四次会议第271号提案公开办理工作方案的通知"),
    # a suggestion record: 题目 cell is the title when the text is not a reply
    ("第四次会议代表建议、批评和意见\n第67号\n题目:关于加强农村居民用水安全监管的建议\n内容:近年来,农村饮水问题突出,"
     "群众反映强烈。\n建议:加强监测。\n", "关于加强农村居民用水安全监管的建议"),
    ("议案\n案由：关于加快城区停车设施建设的议案\n领衔代表：张三\n附议代表：李四、王五\n办法和建议：一是编制专项规划；二是加大投入。\n",
     "关于加快城区停车设施建设的议案"),
    # a news item: the heading right above its 来源 / 发布时间 line
    ("首页 > 新闻中心 > 部门动态\n\n市水务局上门答复政协委员提案 老旧小区告别“水压低”\n\n"
     "来源：某市水务局　　发布时间：2019-05-10 09:30\n\n5月8日，市水务局负责同志一行走访委员，当面反馈办理情况。\n",
     "市水务局上门答复政协委员提案 老旧小区告别“水压低”"),
])
def test_title(text, expected):
    assert _title(text) == expected


@pytest.mark.parametrize("text", [
    "熊林花代表:\n你提出的建议,已交我们研究办理,现答复如下:\n",
    "在市人大七届一次会议上,人大代表苗方杰提出《关于加大力度治理学校周边环境》(99号)建议。现答复如下:\n",
    # a record page whose 题目 cell names the suggestion; the reply has no title block of its own
    "题目:关于加强农村居民用水安全监管的建议\n内容:…\n办理情况:\n王代表:\n您提出的建议收悉,现答复如下:\n我局高度重视。\n",
    "网站首页 关于我们 友情链接\n",
])
def test_no_title(text):
    assert _title(text) is None


@pytest.mark.parametrize("text, expected", [
    # the first line lost its numerals and keeps only 对政协…: still the block's first line
    ("发布日期:2021-11-24\n\n对政协魏县届委员会\n\n次会议第25号提案的答复\n\n" + SALUTE, "对政协魏县届委员会次会议第25号提案的答复"),
    ("对市人大\n\n第8号建议的答复\n\n" + SALUTE, "对市人大第8号建议的答复"),
    # a mirror's pinyin inside 会议
    ("    對(duì)市七屆人大三次會(huì)議\n\n    第117號(hào)建議的答復(fù)\n\n" + SALUTE,
     "對(duì)市七屆人大三次會(huì)議第117號(hào)建議的答復(fù)"),
])
def test_title_unseen_forms(text, expected):
    assert _title(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a metadata table flattened with |: the 标 题 cell
    ("| 索 引 号:123456/2019-00448 | 效力状态: |\n| 标 题: 玉林市人民政府办公室关于办理代表建议的通知 |\n"
     "| 发文字号:玉政办电〔2019〕11号 | 发布日期:2019年03月08日 |\n各承办单位:\n现将有关事项通知如下。\n",
     "玉林市人民政府办公室关于办理代表建议的通知"),
    # a page heading above a metadata line that opens with the date and time
    ("首页>公开>建议提案办理\n\n应急管理部2019年全国人大代表建议和全国政协委员提案办理情况\n\n2019-12-13 09:15来源:办公厅\n\n"
     "一、基本情况\n今年共承办建议90件。\n", "应急管理部2019年全国人大代表建议和全国政协委员提案办理情况"),
])
def test_title_unseen_metadata(text, expected):
    assert _title(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a news heading above a 日期： metadata line
    ("首页 > 新闻动态\n\n区交通局上门面商代表建议 推动龙兴片区公交线网优化\n\n日期：2022-06-10    来源：渝北区交通局\n\n"
     "6月8日下午，区交通局负责同志来到龙兴镇。\n", "区交通局上门面商代表建议 推动龙兴片区公交线网优化"),
    # a message board's labelled title
    ("信件编号：MH20211026-0317\n留言标题：颛桥镇北松公路沿线夜间渣土车噪声扰民问题\n留言人：网友\n留言内容：\n我家住在路旁。\n",
     "颛桥镇北松公路沿线夜间渣土车噪声扰民问题"),
])
def test_title_of_news_and_message_pages(text, expected):
    assert _title(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the addressee above the title block: the block under the salutation, before the body
    ("吴自然资提复〔2024〕3号\n\n九三学社吴忠市委员会:\n\n吴忠市自然资源局关于市政协五届三次会议\n第5008号提案的答复\n\n"
     "签发人:马永福\n\n    贵委员会提出的提案收悉,我局高度重视,现答复如下:\n", "吴忠市自然资源局关于市政协五届三次会议第5008号提案的答复"),
    # a title block above the salutation wins
    ("关于市五届人大三次会议第12号建议的答复\n\n张三代表:\n\n关于第12号建议的答复\n\n您提出的建议收悉,现答复如下:\n",
     "关于市五届人大三次会议第12号建议的答复"),
    # under the salutation, the suggestion's own title is not the letter's
    ("张三代表:\n\n关于加快农村公路建设的建议\n\n您提出的建议收悉,现答复如下:\n", None),
])
def test_title_under_the_salutation(text, expected):
    assert _title(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a block ending on 建议 goes on to how the items were handled
    ("西宁市人民政府\n关于市十六届人大四次会议代表建议\n办理情况的报告\n宁政〔2024〕103号\n\n市人大常委会:\n"
     "    现将有关情况报告如下:\n", "西宁市人民政府关于市十六届人大四次会议代表建议办理情况的报告"),
    ("关于市政协五届二次会议提案\n办理工作的汇报\n\n市政协:\n    现将有关情况报告如下:\n", "关于市政协五届二次会议提案办理工作的汇报"),
    # a line that is no such tail stays apart
    ("关于加快农村公路建设的建议\n领衔代表李四\n\n    建议如下:一是修路,二是养护。\n", "关于加快农村公路建设的建议"),
])
def test_title_goes_on_to_how_the_items_were_handled(text, expected):
    assert _title(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a hard-wrapped title: the last characters of its final word on a line of their own
    ("陕西省应急管理厅对省十三届政协一次会议第606号提案的答复\n函\n尊敬的李鑫委员:\n", "陕西省应急管理厅对省十三届政协一次会议第606号提案的答复函"),
    ("青山湖区教育体育局关于区十届人大三次会议第068号建议的回\n复\n\n熊志刚代表:\n", "青山湖区教育体育局关于区十届人大三次会议第068号建议的回复"),
    # a short line that begins a word of its own is not the title's
    ("关于区十届人大三次会议第068号建议的答复\n意见\n\n熊志刚代表:\n", "关于区十届人大三次会议第068号建议的答复"),
    ("关于区十届人大三次会议第068号建议的答复\n王五\n\n熊志刚代表:\n", "关于区十届人大三次会议第068号建议的答复"),
])
def test_title_final_word_wrapped_onto_its_own_line(text, expected):
    assert _title(text) == expected
