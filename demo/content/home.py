"""The home page in English, Russian and Tajik."""

from .pages import DemoPage

HOME = DemoPage(
    key="home",
    model="cms.HomePage",
    slug="home",
    parent=None,
    show_in_menus=False,
    images={"hero_image": "suzani", "social_image": "suzani"},
    links={"hero_link": "about"},
    text={
        "en": {
            "title": "Home",
            "search_description": (
                "An online gallery and shop of suzani, atlas silk, painting and ceramics "
                "by women artists of Tajikistan."
            ),
            "hero_heading": "Art by women artists of Tajikistan",
            "hero_text": (
                "Suzani embroidery, atlas and adras silk, painting and ceramics, made by women "
                "in Dushanbe, Khujand, Khorog and the villages around them, and sold on their behalf."
            ),
            "hero_link_label": "About us",
            "body": [
                ("heading", "Threads that carry a family's story"),
                (
                    "paragraph",
                    "<p>A <b>suzani</b> is sewn over months, often by several women of one family, "
                    "for a daughter's wedding. Its rosettes stand for the sun and the moon, its "
                    "pomegranates for a full house. We photograph these works with the women who "
                    "made them, tell their stories and pass the income from every sale to the artist.</p>",
                ),
                ("image", "atlas", "Atlas: silk ikat whose threads are dyed before they are woven."),
                ("heading", "Atlas and adras"),
                (
                    "paragraph",
                    "<p>In <b>atlas</b> and <b>adras</b> the pattern is tied and dyed into the warp "
                    "before the cloth is woven, which is why the edges of every diamond seem to "
                    "shimmer. Weavers in Khujand and Istaravshan still work this way; we help them "
                    "find buyers beyond the bazaar.</p>",
                ),
                (
                    "quote",
                    "My grandmother taught me to embroider before I could read. Now my daughters "
                    "sell our suzani to people I will never meet.",
                    "Nigina, embroiderer, Khujand",
                ),
                (
                    "call_to_action",
                    "Find out who we are and how the money from a sale reaches the artist.",
                    "about",
                    "About us",
                ),
            ],
        },
        "ru": {
            "title": "Главная",
            "search_description": (
                "Онлайн-галерея и магазин сюзане, атласа, живописи и керамики художниц Таджикистана."
            ),
            "hero_heading": "Искусство художниц Таджикистана",
            "hero_text": (
                "Вышивка сюзане, шёлк атлас и адрас, живопись и керамика — работы женщин из "
                "Душанбе, Худжанда, Хорога и окрестных кишлаков. Мы продаём их от имени художниц."
            ),
            "hero_link_label": "О нас",
            "body": [
                ("heading", "Нити, в которых живёт история семьи"),
                (
                    "paragraph",
                    "<p><b>Сюзане</b> вышивают месяцами, часто всей семьёй, к свадьбе дочери. "
                    "Розетки на нём означают солнце и луну, гранаты — полный дом. Мы фотографируем "
                    "эти работы вместе с их авторами, рассказываем их истории и передаём доход "
                    "от каждой продажи самой художнице.</p>",
                ),
                ("image", "atlas", "Атлас: шёлковый икат, нити которого окрашивают ещё до ткачества."),
                ("heading", "Атлас и адрас"),
                (
                    "paragraph",
                    "<p>В <b>атласе</b> и <b>адрасе</b> узор завязывают и окрашивают прямо на нитях "
                    "основы, до того как ткань соткана, — поэтому края каждого ромба словно мерцают. "
                    "Ткачихи Худжанда и Истаравшана до сих пор работают так; мы помогаем им найти "
                    "покупателей за пределами базара.</p>",
                ),
                (
                    "quote",
                    "Бабушка научила меня вышивать раньше, чем я научилась читать. Теперь мои дочери "
                    "продают наши сюзане людям, которых я никогда не увижу.",
                    "Нигина, вышивальщица, Худжанд",
                ),
                (
                    "call_to_action",
                    "Узнайте, кто мы и как деньги от продажи доходят до художницы.",
                    "about",
                    "О нас",
                ),
            ],
        },
        "tg": {
            "title": "Асосӣ",
            "search_description": (
                "Галерея ва мағозаи онлайни сӯзанӣ, атлас, наққошӣ ва кулолии занони ҳунарманди Тоҷикистон."
            ),
            "hero_heading": "Асарҳои занони ҳунарманди Тоҷикистон",
            "hero_text": (
                "Сӯзанидӯзӣ, атлас ва адраси абрешимӣ, наққошӣ ва кулолӣ — асарҳои занон аз Душанбе, "
                "Хуҷанд, Хоруғ ва деҳоти атроф. Мо онҳоро аз номи худи рассомон мефурӯшем."
            ),
            "hero_link_label": "Дар бораи мо",
            "body": [
                ("heading", "Риштаҳое, ки ҳикояи оиларо нигоҳ медоранд"),
                (
                    "paragraph",
                    "<p><b>Сӯзанӣ</b> моҳҳо дӯхта мешавад: аксар вақт якчанд зани як оила онро "
                    "барои тӯйи духтар медӯзанд. Гулҳои даврашакли он рамзи офтоб ва моҳ, "
                    "анорҳояш рамзи хонаи пур мебошанд. Мо ин асарҳоро ҳамроҳи муаллифонашон акс "
                    "мегирем, ҳикояи онҳоро нақл мекунем ва даромади ҳар фурӯшро ба худи рассом "
                    "мерасонем.</p>",
                ),
                ("image", "atlas", "Атлас: икати абрешимӣ, ки риштаҳояш пеш аз бофтан ранг карда мешаванд."),
                ("heading", "Атлас ва адрас"),
                (
                    "paragraph",
                    "<p>Дар <b>атлас</b> ва <b>адрас</b> нақшро пеш аз бофтан бевосита дар риштаҳои "
                    "тор мебанданд ва ранг мекунанд — барои ҳамин канорҳои ҳар ромб гӯё ларзон "
                    "менамоянд. Бофандагони Хуҷанд ва Истаравшан то ҳол ҳамин тавр кор мекунанд; "
                    "мо ба онҳо кӯмак мекунем, ки харидоронро берун аз бозор ёбанд.</p>",
                ),
                (
                    "quote",
                    "Модаркалонам пеш аз он ки ман хонданро ёд гирам, ба ман гулдӯзиро омӯзонд. "
                    "Акнун духтаронам сӯзаниҳои моро ба одамоне мефурӯшанд, ки ман онҳоро ҳеҷ гоҳ "
                    "намебинам.",
                    "Нигина, гулдӯз, Хуҷанд",
                ),
                (
                    "call_to_action",
                    "Бифаҳмед, ки мо кистем ва даромади фурӯш чӣ тавр ба рассом мерасад.",
                    "about",
                    "Дар бораи мо",
                ),
            ],
        },
    },
)
