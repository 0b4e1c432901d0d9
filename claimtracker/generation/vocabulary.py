"""The fixed cast and furniture of generated corpora: names, organisations,
titles, outlets, metrics and the topic tree the generator draws from.

Pure data; the order of every list matters, because the generator's choices
(and the Zipf ranks of speakers and outlets) are indices into them.
"""


def pairs(text):
    """ "Wang 王, Li 李" -> [("Wang", "王"), ("Li", "李")]"""
    return [tuple(item.split()) for item in text.split(",")]


# Pinyin and characters, so a generated person has a name in original script.
FAMILY_NAMES = pairs(
    "Wang 王, Li 李, Zhang 张, Liu 刘, Chen 陈, Yang 杨, Huang 黄, Zhao 赵, Wu 吴, Zhou 周, Xu 徐, "
    "Sun 孙, Ma 马, Zhu 朱, Hu 胡, Guo 郭, He 何, Gao 高, Lin 林, Luo 罗, Zheng 郑, Liang 梁, "
    "Xie 谢, Song 宋, Tang 唐, Han 韩, Feng 冯, Deng 邓, Cao 曹, Peng 彭, Zeng 曾, Xiao 肖, "
    "Tian 田, Dong 董, Yuan 袁, Pan 潘, Yu 于, Jiang 蒋, Cai 蔡, Wei 魏, Lu 陆, Ding 丁, Ren 任, "
    "Shen 沈, Yao 姚, Qian 钱, Niu 牛, Miao 苗, Wen 文, Du 杜, Fang 方, Shi 石, Kong 孔, Bai 白, "
    "Qin 秦, Jin 金, Fu 付, Zou 邹, Xiong 熊, Meng 孟"
)

GIVEN_SYLLABLES = pairs(
    "yi 一, bing 兵, wei 伟, min 民, ku 库, xiao 晓, dong 东, yue 跃, jin 进, hua 华, jian 建, "
    "guo 国, ming 明, hong 红, li 丽, jun 军, ping 平, qiang 强, lei 磊, yan 燕, fang 芳, jie 杰, "
    "tao 涛, bin 斌, hui 慧, xin 新, yong 勇, chao 超, ning 宁, an 安, zhi 志, wen 文, hai 海, "
    "feng 峰, lan 兰, qing 清, song 松, rui 瑞, peng 鹏, kai 凯, lin 林, yu 宇, chun 春, xia 霞, "
    "gang 刚, bo 波, hao 浩, cheng 成"
)

# (name, abbreviation, name in Chinese, abbreviation of the parent or "").
ORGANISATIONS = [
    ("Cyberspace Administration of China", "CAC", "国家互联网信息办公室", ""),
    ("Ministry of Industry and Information Technology", "MIIT", "工业和信息化部", ""),
    ("Ministry of Public Security", "MPS", "公安部", ""),
    ("State Council Information Office", "SCIO", "国务院新闻办公室", ""),
    ("Ministry of Commerce", "MOFCOM", "商务部", ""),
    ("National Development and Reform Commission", "NDRC", "国家发展和改革委员会", ""),
    ("Ministry of Foreign Affairs", "MFA", "外交部", ""),
    ("Ministry of Education", "MOE", "教育部", ""),
    ("Ministry of Culture and Tourism", "MCT", "文化和旅游部", ""),
    ("National Radio and Television Administration", "NRTA", "国家广播电视总局", ""),
    ("State Administration for Market Regulation", "SAMR", "国家市场监督管理总局", ""),
    ("People's Bank of China", "PBOC", "中国人民银行", ""),
    ("China Securities Regulatory Commission", "CSRC", "中国证券监督管理委员会", ""),
    ("National Data Administration", "NDA", "国家数据局", "NDRC"),
    ("China Internet Network Information Center", "CNNIC", "中国互联网络信息中心", "CAC"),
    ("National Computer Network Emergency Response Technical Team", "CNCERT", "国家互联网应急中心", "MIIT"),
    ("China Academy of Information and Communications Technology", "CAICT", "中国信息通信研究院", "MIIT"),
    ("Cybersecurity Coordination Bureau", "", "网络安全协调局", "CAC"),
    ("Propaganda Department of the CPC Central Committee", "", "中共中央宣传部", ""),
    ("National People's Congress Standing Committee", "NPCSC", "全国人民代表大会常务委员会", ""),
    ("Supreme People's Procuratorate", "SPP", "最高人民检察院", ""),
    ("Supreme People's Court", "SPC", "最高人民法院", ""),
    ("China Computer Federation", "CCF", "中国计算机学会", ""),
    ("Internet Society of China", "ISC", "中国互联网协会", ""),
    ("China Academy of Social Sciences", "CASS", "中国社会科学院", ""),
    ("Tsinghua University", "", "清华大学", ""),
    ("Peking University", "", "北京大学", ""),
    ("Fudan University", "", "复旦大学", ""),
    ("Tencent", "", "腾讯", ""),
    ("Alibaba Group", "", "阿里巴巴集团", ""),
    ("Baidu", "", "百度", ""),
    ("Huawei", "", "华为", ""),
    ("China Mobile", "", "中国移动", ""),
    ("China Telecom", "", "中国电信", ""),
    ("China Unicom", "", "中国联通", ""),
]

PROVINCES = pairs(
    "Beijing 北京, Shanghai 上海, Guangdong 广东, Zhejiang 浙江, Jiangsu 江苏, Sichuan 四川, "
    "Hubei 湖北, Shandong 山东, Fujian 福建, Henan 河南, Hunan 湖南, Tianjin 天津, Chongqing 重庆, "
    "Shaanxi 陕西, Yunnan 云南, Guizhou 贵州, Anhui 安徽, Hebei 河北, Liaoning 辽宁, Jilin 吉林"
)

# Titles a person holds at an organisation, most common first.
TITLES = [
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "deputy director",
    "director",
    "head",
    "deputy head",
    "vice minister",
    "minister",
    "chief engineer",
    "director-general",
    "researcher",
    "senior fellow",
    "professor",
    "chief executive",
    "vice president",
    "chairman",
]

PUBLISHERS = [
    ("Xinhua", "https://english.news.cn/"),
    ("China Daily", "https://www.chinadaily.com.cn/"),
    ("People's Daily", "http://en.people.cn/"),
    ("Global Times", "https://www.globaltimes.cn/"),
    ("CCTV", "https://english.cctv.com/"),
    ("CGTN", "https://www.cgtn.com/"),
    ("China.org.cn", "http://www.china.org.cn/"),
    ("Beijing Review", "http://www.bjreview.com/"),
    ("The State Council of the PRC", "https://english.www.gov.cn/"),
    ("Cyberspace Administration of China", "http://www.cac.gov.cn/"),
    ("Ministry of Foreign Affairs", "https://www.fmprc.gov.cn/"),
    ("South China Morning Post", "https://www.scmp.com/"),
    ("Caixin", "https://www.caixinglobal.com/"),
    ("Sixth Tone", "https://www.sixthtone.com/"),
    ("The Paper", "https://www.thepaper.cn/"),
    ("Reuters", "https://www.reuters.com/"),
    ("Associated Press", "https://apnews.com/"),
    ("Agence France-Presse", "https://www.afp.com/"),
    ("Bloomberg", "https://www.bloomberg.com/"),
    ("Financial Times", "https://www.ft.com/"),
    ("The New York Times", "https://www.nytimes.com/"),
    ("The Guardian", "https://www.theguardian.com/"),
    ("BBC News", "https://www.bbc.com/news"),
    ("Nikkei Asia", "https://asia.nikkei.com/"),
    ("China News Service", "https://www.ecns.cn/"),
    ("Guangming Daily", "https://en.gmw.cn/"),
    ("Economic Daily", "http://en.ce.cn/"),
    ("21st Century Business Herald", "https://www.21jingji.com/"),
    ("Securities Times", "https://www.stcn.com/"),
    ("Yicai Global", "https://www.yicaiglobal.com/"),
    ("Shanghai Daily", "https://www.shine.cn/"),
    ("China Digital Times", "https://chinadigitaltimes.net/"),
    ("Equipo Nizkor", "http://www.derechos.org/nizkor/"),
    ("Radio Television Hong Kong", "https://www.rthk.hk/"),
    ("Hong Kong Free Press", "https://hongkongfp.com/"),
    ("Deutsche Welle", "https://www.dw.com/"),
    ("Qiushi Journal", "http://en.qstheory.cn/"),
    ("China Internet Information Center", "http://www.china.com.cn/"),
    ("Legal Daily", "http://www.legaldaily.com.cn/"),
    ("Science and Technology Daily", "http://www.stdaily.com/"),
]

# (name, unit, low, high, how the text says it, decimals): values are drawn in [low, high].
METRICS = [
    ("Internet users in China", "people", 300e6, 1.1e9, "internet users", 2),
    ("Internet penetration rate", "percent", 20, 80, "the internet penetration rate", 1),
    ("Mobile internet users", "people", 200e6, 1.05e9, "mobile internet users", 2),
    ("5G base stations", "stations", 10e3, 3.5e6, "5G base stations", 2),
    ("Fixed broadband subscribers", "households", 100e6, 600e6, "fixed broadband subscribers", 2),
    ("E-commerce sales", "yuan", 1e12, 45e12, "e-commerce sales", 1),
    ("Digital economy output", "yuan", 5e12, 55e12, "the output of the digital economy", 1),
    ("Websites shut down", "websites", 1e3, 60e3, "websites shut down", 0),
    ("Cybercrime cases prosecuted", "cases", 100, 90e3, "cybercrime cases prosecuted", 0),
    ("People punished for online rumours", "people", 50, 5e3, "people punished for spreading rumours", 0),
    ("Illegal online posts removed", "posts", 1e6, 50e6, "illegal posts removed", 1),
    ("Accounts closed", "accounts", 10e3, 3e6, "accounts closed", 1),
    ("Reports of illegal content received", "reports", 10e6, 200e6, "reports of illegal content", 1),
    ("Fines on internet platforms", "yuan", 1e6, 20e9, "fines on internet platforms", 2),
    ("Data breaches reported", "incidents", 100, 50e3, "data breaches reported", 0),
    ("Rural internet penetration rate", "percent", 10, 65, "the rural internet penetration rate", 1),
    ("Apps removed from stores", "apps", 1e3, 500e3, "apps removed from app stores", 0),
    ("Laws and regulations on cyberspace", "rules", 10, 160, "laws and rules on cyberspace", 0),
    ("Online video users", "people", 100e6, 1e9, "online video users", 2),
    ("Online payment users", "people", 100e6, 950e6, "online payment users", 2),
    ("Internet companies listed overseas", "companies", 10, 300, "internet companies listed abroad", 0),
    ("International bandwidth", "Gbit/s", 1e3, 15e6, "international bandwidth", 0),
    ("IPv6 active users", "people", 10e6, 800e6, "active IPv6 users", 2),
    ("Countries in cybercrime cooperation", "countries", 5, 120, "countries cooperating on cybercrime", 0),
]

# The topic tree: (name, slug, children); filtering by a topic includes its descendants.
TOPICS = [
    (
        "Cybersecurity",
        "cybersecurity",
        [
            (
                "Data security",
                "data-security",
                [
                    ("Cross-border data transfer", "cross-border-data", []),
                    ("Personal information", "personal-information", []),
                ],
            ),
            ("Critical infrastructure", "critical-infrastructure", []),
            ("Cybersecurity review", "cybersecurity-review", []),
            (
                "Cybercrime",
                "cybercrime",
                [
                    ("Online fraud", "online-fraud", []),
                    ("Hacking", "hacking", []),
                ],
            ),
        ],
    ),
    (
        "Content regulation",
        "content-regulation",
        [
            ("VPNs and cross-border access", "vpns", []),
            ("Online rumours", "online-rumours", []),
            ("Pornography and gambling", "pornography-gambling", []),
            ("Minors online", "minors-online", []),
            ("Platform censorship", "platform-censorship", []),
        ],
    ),
    (
        "Infrastructure",
        "infrastructure",
        [
            ("5G", "5g", []),
            ("Broadband", "broadband", []),
            ("Rural connectivity", "rural-connectivity", []),
        ],
    ),
    (
        "Digital economy",
        "digital-economy",
        [
            ("E-commerce", "e-commerce", []),
            (
                "Platform companies",
                "platform-companies",
                [
                    ("Overseas listings", "overseas-listings", []),
                    ("Antitrust", "antitrust", []),
                ],
            ),
            ("Fintech", "fintech", []),
        ],
    ),
    (
        "Internet governance",
        "internet-governance",
        [
            ("Internet sovereignty", "internet-sovereignty", []),
            ("International cooperation", "international-cooperation", []),
            ("World Internet Conference", "world-internet-conference", []),
        ],
    ),
    (
        "Law and regulation",
        "law-and-regulation",
        [
            ("Cybersecurity Law", "cybersecurity-law", []),
            ("Data Security Law", "data-security-law", []),
            ("Personal Information Protection Law", "pipl", []),
        ],
    ),
]

GEOGRAPHIES = ["China", "China", "China", "mainland China", "rural China", "urban China", "worldwide"]

EN_TITLES = [
    "{org_short} briefing on {topic}",
    "China vows to strengthen {topic}",
    "Official says {topic} work will deepen",
    "Press conference on {topic}",
    "Full text: {topic} in China",
    "{org_short} spokesperson answers questions on {topic}",
    "China's decade of {topic}",
    "New rules on {topic} take effect",
    "Experts discuss {topic} at Wuzhen forum",
    "Statement on {topic}",
]

ZH_TITLES = [
    "{org_zh}举行新闻发布会介绍{topic_zh}工作",
    "{org_zh}负责人就{topic_zh}答记者问",
    "关于{topic_zh}的声明",
    "{topic_zh}：十年成就与展望",
]

ZH_TOPICS = ["网络安全", "数据安全", "网络内容治理", "数字经济", "互联网治理", "信息基础设施"]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
