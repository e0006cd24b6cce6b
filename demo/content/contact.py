"""The "Contact" page in English, Russian and Tajik."""

from .pages import DemoPage

CONTACT = DemoPage(
    key="contact",
    model="cms.StandardPage",
    slug="contact",
    parent="home",
    show_in_menus=True,
    images={"social_image": "chakan"},
    text={
        "en": {
            "title": "Contact",
            "search_description": (
                "Write to TajikHeritage about an artwork, an order, an exhibition or a workshop."
            ),
            "intro": (
                "Write to us about an artwork, an order, an exhibition or a workshop. We answer in "
                "Tajik, Russian or English within two working days."
            ),
            "body": [
                ("heading", "Write to us"),
                (
                    "paragraph",
                    '<p>Email: <a href="mailto:{email}">{email}</a></p>'
                    "<p>Our office in Dushanbe is open Monday to Friday, 9:00–17:00. Please write "
                    "before you visit: most of the works are kept by the artists themselves.</p>",
                ),
                ("image", "chakan", "Chakan from Kulob: bright silk embroidered on red cotton."),
                ("heading", "For artists"),
                (
                    "paragraph",
                    "<p>If you embroider, weave, paint or make ceramics and would like to sell your "
                    "work through us, send us a few photos and a few words about yourself. A "
                    "coordinator will call you back and, if you wish, visit you to photograph your "
                    "work.</p>",
                ),
            ],
        },
        "ru": {
            "title": "Контакты",
            "search_description": (
                "Напишите TajikHeritage о произведении, заказе, выставке или мастер-классе."
            ),
            "intro": (
                "Напишите нам о произведении, заказе, выставке или мастер-классе. Мы отвечаем "
                "на таджикском, русском или английском в течение двух рабочих дней."
            ),
            "body": [
                ("heading", "Напишите нам"),
                (
                    "paragraph",
                    '<p>Эл. почта: <a href="mailto:{email}">{email}</a></p>'
                    "<p>Наш офис в Душанбе работает с понедельника по пятницу, с 9:00 до 17:00. "
                    "Пожалуйста, напишите нам перед визитом: большинство работ хранится у самих "
                    "художниц.</p>",
                ),
                ("image", "chakan", "Чакан из Куляба: яркий шёлк, вышитый на красной хлопковой ткани."),
                ("heading", "Художницам"),
                (
                    "paragraph",
                    "<p>Если вы вышиваете, ткёте, пишете картины или занимаетесь керамикой и хотите "
                    "продавать свои работы через нас, пришлите несколько фотографий и пару слов о "
                    "себе. Координатор перезвонит вам и, если хотите, приедет сфотографировать "
                    "ваши работы.</p>",
                ),
            ],
        },
        "tg": {
            "title": "Тамос",
            "search_description": (
                "Дар бораи асар, фармоиш, намоишгоҳ ё дарси маҳорат ба TajikHeritage нависед."
            ),
            "intro": (
                "Дар бораи асар, фармоиш, намоишгоҳ ё дарси маҳорат ба мо нависед. Мо дар давоми "
                "ду рӯзи корӣ ба забони тоҷикӣ, русӣ ё англисӣ ҷавоб медиҳем."
            ),
            "body": [
                ("heading", "Ба мо нависед"),
                (
                    "paragraph",
                    '<p>Почтаи электронӣ: <a href="mailto:{email}">{email}</a></p>'
                    "<p>Дафтари мо дар Душанбе аз душанбе то ҷумъа, соатҳои 9:00–17:00 кор мекунад. "
                    "Лутфан пеш аз омадан ба мо нависед: аксари асарҳо дар хонаи худи рассомон "
                    "нигоҳ дошта мешаванд.</p>",
                ),
                ("image", "chakan", "Чакани Кӯлоб: абрешими рангоранг дар матои сурхи пахтагин."),
                ("heading", "Барои рассомон"),
                (
                    "paragraph",
                    "<p>Агар шумо гулдӯзӣ, бофандагӣ, наққошӣ ё кулолӣ кунед ва хоҳед асарҳоятонро "
                    "тавассути мо фурӯшед, якчанд акс ва чанд сатр дар бораи худ фиристед. "
                    "Ҳамоҳангсози мо ба шумо занг мезанад ва агар хоҳед, барои аксбардории "
                    "асарҳоятон ба назди шумо меояд.</p>",
                ),
            ],
        },
    },
)
