"""Regenerate the sample transcript exports in this folder from the conversations below.

The conversations were written for replylint's examples (not taken from any corpus): Polish
and Russian support chats over four weeks, with polite replies, replies that the linter should
flag, customers who are rude (never flagged: only agent turns are linted) and bot messages.

    python examples/transcripts/make_samples.py
"""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).parent
START = datetime.fromisoformat("2025-03-03T09:00:00+01:00")

# (conversation_id, agent, day_offset, [(role, text), ...]); written for the sample export.
PL = [
    (
        "PL-1001",
        "Anna Kowalska",
        0,
        [
            ("customer", "Dzień dobry, zamówiłem słuchawki tydzień temu i nadal nic nie przyszło."),
            (
                "agent",
                "Dzień dobry, sprawdziłam przesyłkę: jest w sortowni w Poznaniu, kurier dostarczy ją jutro między 10 a 14. Numer śledzenia wysłałam mailem.",
            ),
            ("customer", "Dziękuję, to wszystko czego potrzebowałem."),
        ],
    ),
    (
        "PL-1002",
        "Piotr Nowak",
        1,
        [
            (
                "customer",
                "Jak włączyć tryb parowania w głośniku? Nic nie działa, co za badziewie!!!",
            ),
            ("agent", "Nie czytał pan instrukcji? Tam wszystko jest napisane."),
            ("customer", "Czytałem, dlatego piszę."),
            ("agent", "Jak już pisałem, trzeba przytrzymać przycisk zasilania."),
        ],
    ),
    (
        "PL-1003",
        "Kasia Wiśniewska",
        2,
        [
            ("customer", "Faktura ma błędny NIP."),
            ("agent", "To nie mój dział, proszę dzwonić do księgowości."),
            ("customer", "Przecież to wy wystawiliście fakturę, idioci."),
        ],
    ),
    (
        "PL-1004",
        "Anna Kowalska",
        3,
        [
            ("customer", "Kiedy dostanę zwrot pieniędzy?"),
            ("agent", "Postaramy się coś z tym zrobić w najbliższym czasie."),
            ("customer", "Czyli kiedy?"),
            ("agent", "Trudno powiedzieć, ktoś się kiedyś odezwie."),
        ],
    ),
    (
        "PL-1005",
        "Piotr Nowak",
        4,
        [
            ("customer", "Nie mogę się zalogować do aplikacji."),
            (
                "agent",
                "Przepraszam, nasz system znowu się zawiesił, od migracji nic tu nie działa jak należy.",
            ),
            ("customer", "Super, a ja mam płacić za abonament?"),
        ],
    ),
    (
        "PL-1006",
        "Kasia Wiśniewska",
        5,
        [
            ("customer", "Proszę o zmianę adresu dostawy na ul. Lipową 4."),
            (
                "agent",
                "Zmieniłam adres dostawy na ul. Lipową 4 w Krakowie. Potwierdzenie przyjdzie SMS-em w ciągu kilku minut.",
            ),
            ("customer", "Dziękuję bardzo!"),
        ],
    ),
    (
        "PL-1007",
        "Anna Kowalska",
        7,
        [
            ("customer", "Reklamacja nr 5521 – minął miesiąc i cisza."),
            ("agent", "Reklamacje znowu coś pomieszały, oni tak zawsze mają."),
            (
                "agent",
                "Przepraszam za zwłokę.\n\nPrzekazałam sprawę kierowniczce działu reklamacji, odpowiedź dostanie Pan do piątku do 15:00.",
            ),
        ],
    ),
    (
        "PL-1008",
        "Piotr Nowak",
        8,
        [
            ("customer", "Czy mogę zwrócić buty po 20 dniach?"),
            (
                "agent",
                "Tak, ma Pan 30 dni na zwrot. Formularz znajdzie Pan w zakładce „Moje zamówienia”, a etykietę kurierską wyślę za chwilę mailem.",
            ),
        ],
    ),
    (
        "PL-1009",
        "Kasia Wiśniewska",
        9,
        [
            ("customer", "Trzeci raz pytam o to samo!!! Jesteście beznadziejni."),
            ("agent", "Proszę się uspokoić i nie krzyczeć."),
            ("agent", "Proszę czytać ze zrozumieniem, odpowiedź była w poprzednim mailu."),
        ],
    ),
    (
        "PL-1010",
        "Anna Kowalska",
        10,
        [
            ("customer", "Mój ekspres przecieka."),
            (
                "agent",
                "Bardzo mi przykro. Wysłałam etykietę do bezpłatnej wysyłki do serwisu; naprawa trwa do 14 dni roboczych, o każdym etapie poinformujemy SMS-em.",
            ),
        ],
    ),
    (
        "PL-1011",
        "Piotr Nowak",
        12,
        [
            ("customer", "Dlaczego nikt nie odbiera infolinii?"),
            ("agent", "Mamy straszne braki kadrowe i nikt nas nie przeszkolił z nowego systemu."),
            ("customer", "To nie mój problem."),
        ],
    ),
    (
        "PL-1012",
        "Kasia Wiśniewska",
        14,
        [
            ("customer", "Kiedy wróci rozmiar 38?"),
            ("agent", "Może kiedyś wróci, nie wiem."),
            ("customer", "Pomocne jak zawsze."),
        ],
    ),
    (
        "PL-1013",
        "Anna Kowalska",
        15,
        [
            ("customer", "Dzien dobry, nie dziala mi kod rabatowy WIOSNA10."),
            (
                "agent",
                "Kod WIOSNA10 obowiązuje od zamówień za 200 zł; przy Pani koszyku za 180 zł nie zadziała.\nMogę dodać do koszyka darmową dostawę zamiast rabatu – czy tak będzie dobrze?",
            ),
            ("customer", "Tak, poproszę."),
        ],
    ),
    (
        "PL-1014",
        "Piotr Nowak",
        17,
        [
            ("customer", "Kurier rzucił paczką pod drzwi."),
            ("agent", "Ja tu tylko pracuję, proszę mieć pretensje do firmy kurierskiej."),
            ("customer", "No to świetnie, dzięki za nic."),
        ],
    ),
    (
        "PL-1015",
        "Kasia Wiśniewska",
        18,
        [
            ("customer", "Czy zamówienie 88123 zostało już wysłane?"),
            ("agent", "Tak, wyszło dziś rano. Dostawa jutro, link do śledzenia jest w mailu."),
        ],
    ),
    (
        "PL-1016",
        "Anna Kowalska",
        21,
        [
            ("customer", "Nie rozumiem, jak zmienić hasło."),
            ("agent", "To chyba oczywiste, wystarczy kliknąć „Nie pamiętam hasła”."),
            ("customer", "Nie ma takiego przycisku w aplikacji!"),
        ],
    ),
    (
        "PL-1017",
        "Piotr Nowak",
        22,
        [
            ("customer", "Chciałbym anulować subskrypcję."),
            (
                "agent",
                "Anulowałem subskrypcję od 1 marca; dostęp zostaje do końca opłaconego okresu. Potwierdzenie wysłałem mailem.",
            ),
        ],
    ),
    (
        "PL-1018",
        "Kasia Wiśniewska",
        24,
        [
            ("customer", "Halo, jest tam ktoś? Czekam od godziny, idioci!"),
            ("bot", "Dziękujemy za cierpliwość, konsultant zaraz się połączy."),
            (
                "agent",
                "Przepraszam za długie oczekiwanie. Pani zwrot został dziś zatwierdzony, pieniądze wrócą na kartę do 3 dni roboczych.",
            ),
        ],
    ),
]
RU = [
    (
        "RU-2001",
        "Ольга Смирнова",
        0,
        [
            ("customer", "Здравствуйте, где мой заказ 4471?"),
            (
                "agent",
                "Здравствуйте! Заказ передан в доставку, курьер привезет его завтра с 12 до 16. Трек-номер отправила вам на почту.",
            ),
            ("customer", "Спасибо!"),
        ],
    ),
    (
        "RU-2002",
        "Дмитрий Иванов",
        2,
        [
            ("customer", "Не могу подключить роутер, вы что там совсем тупые?"),
            ("agent", "Вы что, инструкцию не читали? Там все написано."),
            ("customer", "Читал, не помогает."),
            ("agent", "Как я уже писал, нужно нажать кнопку WPS."),
        ],
    ),
    (
        "RU-2003",
        "Сергей Попов",
        3,
        [
            ("customer", "Мне выставили двойной счет."),
            ("agent", "Это бухгалтерия опять напутала, это их вина, а не наша."),
            ("customer", "Мне все равно, чья вина, верните деньги."),
        ],
    ),
    (
        "RU-2004",
        "Ольга Смирнова",
        5,
        [
            ("customer", "Когда вернут деньги за возврат?"),
            ("agent", "Ожидайте, с вами свяжутся в ближайшее время."),
            ("customer", "Это когда?"),
            ("agent", "Постараемся что-нибудь сделать."),
        ],
    ),
    (
        "RU-2005",
        "Дмитрий Иванов",
        7,
        [
            ("customer", "Почему не работает личный кабинет?"),
            ("agent", "Битрикс опять лег, у нас так каждую пятницу."),
            ("customer", "Отличный сервис, ничего не скажешь."),
        ],
    ),
    (
        "RU-2006",
        "Сергей Попов",
        8,
        [
            ("customer", "Можно поменять размер куртки?"),
            (
                "agent",
                "Да, конечно. Оформил обмен на размер L, курьер заберет старую куртку и привезет новую в четверг с 10 до 14.",
            ),
        ],
    ),
    (
        "RU-2007",
        "Ольга Смирнова",
        10,
        [
            ("customer", "Девятый день жду ответа по претензии!!!"),
            ("agent", "Девушка, я вам русским языком объясняю: ждите."),
            ("customer", "Хамство."),
        ],
    ),
    (
        "RU-2008",
        "Дмитрий Иванов",
        12,
        [
            ("customer", "Подскажите, как оплатить через СБП?"),
            (
                "agent",
                "В приложении откройте «Оплата» → «СБП», отсканируйте QR-код в приложении банка.\nЕсли что-то не получится, напишите, я помогу.",
            ),
        ],
    ),
    (
        "RU-2009",
        "Сергей Попов",
        14,
        [
            ("customer", "Курьер не приехал."),
            ("agent", "Я тут ни при чем, это служба доставки как всегда работает спустя рукава."),
            ("customer", "А кто тогда при чем?"),
        ],
    ),
    (
        "RU-2010",
        "Ольга Смирнова",
        15,
        [
            ("customer", "Когда будет исправлена ошибка в приложении?"),
            (
                "agent",
                "Ошибку уже исправили, обновление выйдет в App Store и Google Play до 20:00 сегодня. Приношу извинения за неудобства.",
            ),
        ],
    ),
    (
        "RU-2011",
        "Дмитрий Иванов",
        18,
        [
            ("customer", "Почему так долго отвечаете?"),
            (
                "agent",
                "У нас жуткая нехватка людей, зарплату задерживают, вот никто и не хочет работать.",
            ),
            ("customer", "Это ваши проблемы."),
        ],
    ),
    (
        "RU-2012",
        "Сергей Попов",
        20,
        [
            ("customer", "Можно ли продлить гарантию?"),
            ("agent", "Может быть, когда-нибудь такая опция появится."),
            ("customer", "Ясно, спасибо ни за что."),
        ],
    ),
    (
        "RU-2013",
        "Ольга Смирнова",
        22,
        [
            ("customer", "Как сбросить пароль?"),
            ("agent", "Это же очевидно, нажмите «Забыли пароль»."),
            ("customer", "Спасибо, что сделали из меня идиота."),
        ],
    ),
    (
        "RU-2014",
        "Дмитрий Иванов",
        24,
        [
            ("customer", "Заказ пришел не тот."),
            ("bot", "Спасибо за обращение! Оператор подключится через минуту."),
            (
                "agent",
                "Это наша ошибка, склад перепутал артикулы. Правильный товар отправили сегодня, курьер привезет его завтра до 18:00, неправильный заберет он же.",
            ),
        ],
    ),
]


def turns() -> list[dict[str, str]]:
    """One dict per turn, conversations interleaved by time like a real export."""
    rows = []
    for number, (cid, agent, day, conversation) in enumerate(PL + RU):
        opened = START + timedelta(days=day, minutes=37 * number)
        for index, (role, text) in enumerate(conversation):
            rows.append(
                {
                    "conversation_id": cid,
                    "timestamp": (opened + timedelta(minutes=6 * index)).isoformat(),
                    "role": role,
                    "agent": agent if role == "agent" else "",
                    "text": text,
                }
            )
    rows.sort(key=lambda r: (r["timestamp"], r["conversation_id"]))
    return rows


def write_csv(rows: list[dict[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_jsonl(rows: list[dict[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_zendesk(path: Path) -> None:
    """A few conversations as a Zendesk-style ticket export, with one private note."""
    chosen = PL[:4] + RU[:4]
    agents = sorted({agent for _, agent, _, _ in chosen})
    users = [{"id": 100 + i, "name": name, "role": "agent"} for i, name in enumerate(agents)]
    users.append({"id": 900, "name": "Support Admin", "role": "admin"})
    tickets = []
    for number, (_cid, agent, day, conversation) in enumerate(chosen):
        customer_id = 500 + number
        users.append({"id": customer_id, "name": f"Klient {number + 1}", "role": "end-user"})
        opened = START + timedelta(days=day, minutes=41 * number)
        comments = []
        for index, (role, text) in enumerate(conversation):
            author = 100 + agents.index(agent) if role == "agent" else customer_id
            comments.append(
                {
                    "id": 10_000 * (number + 1) + index,
                    "author_id": author,
                    "public": True,
                    "body": text,
                    "created_at": (opened + timedelta(minutes=9 * index)).isoformat(),
                }
            )
        tickets.append(
            {"id": 7000 + number, "subject": conversation[0][1][:40], "comments": comments}
        )
    # An internal note: agents vent here, customers never see it, so it is not linted.
    tickets[1]["comments"].append(
        {
            "id": 29_999,
            "author_id": 900,
            "public": False,
            "body": "Klient jest nieznośny, księgowość znowu coś pomieszała, nasz CRM to katastrofa.",
            "created_at": "2025-03-04T12:00:00+01:00",
        }
    )
    path.write_text(
        json.dumps({"tickets": tickets, "users": users}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    rows = turns()
    write_csv(rows, HERE / "sample.csv")
    write_jsonl(rows, HERE / "sample.jsonl")
    write_zendesk(HERE / "sample-zendesk.json")
    print(f"{len(rows)} turns in {len(PL) + len(RU)} conversations")
