"""The "About us" page in English, Russian and Tajik."""

from .pages import DemoPage

ABOUT = DemoPage(
    key="about",
    model="cms.StandardPage",
    slug="about",
    parent="home",
    show_in_menus=True,
    images={"social_image": "tiles"},
    text={
        "en": {
            "title": "About us",
            "search_description": "Who we are and how a sale on TajikHeritage reaches the artist.",
            "intro": (
                "TajikHeritage is a non-profit gallery and shop for women artists of Tajikistan: "
                "embroiderers, weavers, painters and potters."
            ),
            "body": [
                ("heading", "Our mission"),
                (
                    "paragraph",
                    "<p>Many women in Tajikistan make remarkable work at home, between the harvest "
                    "and the household, and sell it for very little at the nearest bazaar. We want "
                    "their names known and their work fairly paid. We photograph every artwork, "
                    "write down its story with the artist in her own words, and sell it online in "
                    "Tajik, Russian and English.</p>",
                ),
                ("image", "tiles", "The pomegranate, anor, stands for plenty in Tajik ornament."),
                ("heading", "How a sale works"),
                (
                    "paragraph",
                    "<ul><li>The artist sets her own price; we add a small commission that pays for "
                    "photography, shipping and the website.</li>"
                    "<li>Buyers pay by card or bank transfer, or in cash on delivery within "
                    "Tajikistan.</li>"
                    "<li>Once the work has been delivered, the artist receives her payout by bank "
                    "transfer, or in cash from our coordinators in the regions.</li></ul>",
                ),
                (
                    "image",
                    "adras",
                    "Adras: half-silk ikat with a cotton weft, sturdier than atlas and woven for "
                    "everyday clothes.",
                ),
                (
                    "call_to_action",
                    "Are you an artist? We would love to see your work.",
                    "contact",
                    "Write to us",
                ),
            ],
        },
        "ru": {
            "title": "О нас",
            "search_description": "Кто мы и как деньги от продажи на TajikHeritage доходят до художницы.",
            "intro": (
                "TajikHeritage — некоммерческая галерея и магазин художниц Таджикистана: "
                "вышивальщиц, ткачих, живописиц и мастериц керамики."
            ),
            "body": [
                ("heading", "Наша миссия"),
                (
                    "paragraph",
                    "<p>Многие женщины в Таджикистане создают удивительные работы дома, между сбором "
                    "урожая и домашними делами, и продают их за бесценок на ближайшем базаре. Мы "
                    "хотим, чтобы их имена знали, а труд оплачивали честно. Мы фотографируем каждое "
                    "произведение, записываем его историю словами самой художницы и продаём его "
                    "онлайн на таджикском, русском и английском языках.</p>",
                ),
                ("image", "tiles", "Гранат, по-таджикски анор, — символ изобилия в таджикском орнаменте."),
                ("heading", "Как устроена продажа"),
                (
                    "paragraph",
                    "<ul><li>Художница сама назначает цену; мы добавляем небольшую комиссию, которая "
                    "покрывает фотосъёмку, доставку и работу сайта.</li>"
                    "<li>Покупатели платят картой, банковским переводом или, по Таджикистану, "
                    "при получении.</li>"
                    "<li>Когда работа доставлена, художница получает выплату банковским переводом "
                    "или наличными через наших координаторов в регионах.</li></ul>",
                ),
                (
                    "image",
                    "adras",
                    "Адрас — полушёлковый икат с хлопковым утком: он плотнее атласа, из него шьют "
                    "повседневную одежду.",
                ),
                (
                    "call_to_action",
                    "Вы художница? Мы будем рады увидеть ваши работы.",
                    "contact",
                    "Написать нам",
                ),
            ],
        },
        "tg": {
            "title": "Дар бораи мо",
            "search_description": (
                "Мо кистем ва даромади фурӯш дар TajikHeritage чӣ тавр ба рассом мерасад."
            ),
            "intro": (
                "TajikHeritage галерея ва мағозаи ғайритиҷоратии занони ҳунарманди Тоҷикистон аст: "
                "гулдӯзон, бофандагон, рассомон ва кулолгарон."
            ),
            "body": [
                ("heading", "Рисолати мо"),
                (
                    "paragraph",
                    "<p>Бисёр занон дар Тоҷикистон дар хона, дар байни ҳосилғундорӣ ва корҳои "
                    "рӯзгор, асарҳои аҷоиб эҷод мекунанд ва онҳоро дар бозори наздиктарин арзон "
                    "мефурӯшанд. Мо мехоҳем, ки номи онҳо маълум бошад ва меҳнаташон одилона "
                    "пардохт шавад. Мо ҳар асарро акс мегирем, ҳикояи онро бо суханони худи рассом "
                    "менависем ва онро ба забонҳои тоҷикӣ, русӣ ва англисӣ онлайн мефурӯшем.</p>",
                ),
                ("image", "tiles", "Анор дар нақшу нигори тоҷикӣ рамзи фаровонӣ аст."),
                ("heading", "Фурӯш чӣ тавр сурат мегирад"),
                (
                    "paragraph",
                    "<ul><li>Рассом нархи асарашро худаш муайян мекунад; мо ҳаққи хизмати хурде "
                    "илова мекунем, ки хароҷоти аксбардорӣ, интиқол ва кори сомонаро мепӯшонад.</li>"
                    "<li>Харидорон бо корт, бо интиқоли бонкӣ ё дар дохили Тоҷикистон бо пардохт "
                    "ҳангоми гирифтан пул медиҳанд.</li>"
                    "<li>Вақте ки асар ба харидор расид, рассом пардохти худро бо интиқоли бонкӣ ё "
                    "нақд тавассути ҳамоҳангсозони мо дар вилоятҳо мегирад.</li></ul>",
                ),
                (
                    "image",
                    "adras",
                    "Адрас — икати нимабрешимӣ бо пуди пахтагин: аз атлас ғафстар аст ва аз он "
                    "либосҳои ҳаррӯза медӯзанд.",
                ),
                (
                    "call_to_action",
                    "Шумо рассом ҳастед? Мо аз дидани асарҳои шумо шод мешавем.",
                    "contact",
                    "Ба мо нависед",
                ),
            ],
        },
    },
)
