"""What a column header means, in the languages people's spreadsheets are written in.

Each concept (a payload field such as ``url`` or ``postcode``, or a batch role such as the file ``name``,
the ``caption`` or the number of ``copies``) lists the header words that name it in English, German,
French, Spanish, Italian, Dutch, Portuguese, Polish, Swedish, Danish, Norwegian and Finnish. Headers are
compared after :func:`norm` (case, accents, spaces and punctuation ignored), so ``E-Mail``, ``e mail`` and
``EMAIL`` are one word, as are ``Téléphone`` and ``telephone``.

:func:`field_concepts` says which concepts name a payload field of a kind: a vCard's ``mobile`` is named by
mobile words first and by the general phone words too; the text kind's only field takes "content" words
first and URL, e-mail and phone words after them (the caller decides when that is ambiguous).
"""

from __future__ import annotations

import unicodedata
from functools import cache

_WORDS: dict[str, str] = {
    # payload: "the thing to encode" for the text kind
    "payload": "text texte testo texto tekst teksti data daten donnees donnees datos dati dados gegevens dane "
               "content contents inhalt contenu contenido contenuto conteudo inhoud tresc innehall indhold innhold "
               "sisalto value wert valeur valor valore waarde wartosc varde vaerdi verdi payload qr qrcode qrinhalt "
               "qrtext qrdaten code codice codigo kod koodi barcode strichcode",
    "url": "url uri link links lien liens enlace enlaces collegamento koppeling odkaz web website websites "
           "webseite webadresse internetseite internetadresse homepage site siteweb siteinternet sitioweb "
           "paginaweb sito sitoweb sitointernet adresseweb adreswww strona stronawww stronainternetowa "
           "webbplats hemsida hjemmeside nettside verkkosivu verkkosivusto www lenke lank urladresse",
    "email": "email emails mail emailadresse mailadresse emailaddress courriel adresseemail adresseelectronique "
             "correo correoelectronico postaelettronica indirizzoemail emailadres endereco enderecodeemail "
             "adresemail epost epostadress sahkoposti mailadres",
    "phone": "phone phonenumber telephone telephonenumber tel telefon telefonnummer rufnummer nummer numero "
             "numerodetelephone telefono numerodetelefono telefoon telefoonnummer telefone numerodetelefone "
             "numer numertelefonu telefonnr puhelin puhelinnumero telnr",
    "mobile": "mobile mobilephone mobilenumber cell cellphone handy handynummer mobil mobilnummer mobiltelefon "
              "portable telephoneportable movil telefonomovil celular cellulare mobiel mobielnummer gsm telemovel "
              "komorka telkom telefonkomorkowy matkapuhelin",
    "work_phone": "workphone businessphone officephone telefongeschaftlich geschaftlich dienstlich buro "
                  "telephoneprofessionnel telefonotrabajo telefonoufficio telefoonwerk telefonecomercial "
                  "telefonsluzbowy arbetstelefon",
    "home_phone": "homephone telefonprivat privat telephonedomicile telefonocasa telefoonthuis "
                  "telefoneresidencial telefondomowy hemtelefon",
    "fax": "fax telefax faxnumber faxnummer telecopie numerodefax",
    "first_name": "firstname givenname forename vorname prenom nombre nome voornaam imie fornamn fornavn etunimi",
    "last_name": "lastname surname familyname nachname familienname nomdefamille nom apellido apellidos cognome "
                 "achternaam sobrenome apelido nazwisko efternamn efternavn etternavn sukunimi",
    "org": "organisation organization org company firm firma unternehmen betrieb societe entreprise empresa "
           "compania azienda societa ditta bedrijf organisatie onderneming companhia organizacao "
           "przedsiebiorstwo organizacja foretag virksomhed yritys",
    "title": "jobtitle title position titel funktion berufsbezeichnung poste fonction titre cargo puesto ruolo "
             "qualifica functie functietitel stanowisko befattning stilling",
    "street": "street streetaddress address strasse adresse anschrift rue calle direccion via indirizzo straat "
              "adres rua morada endereco ulica gata gatuadress adress gade vej katu osoite",
    "postcode": "postcode postalcode zip zipcode plz postleitzahl codepostal cp codigopostal cap codicepostale "
                "cep kodpocztowy postnummer postinumero",
    "city": "city town stadt ort wohnort ville ciudad localidad citta comune stad plaats woonplaats cidade "
            "localidade miasto miejscowosc by kaupunki paikkakunta",
    "region": "region state province county bundesland etat provincia estado regione provincie wojewodztwo "
              "lan provins",
    "country": "country land staat pays pais paese nazione kraj maa",
    "birthday": "birthday birthdate dateofbirth dob geburtstag geburtsdatum anniversaire datedenaissance "
                "cumpleanos fechadenacimiento compleanno datadinascita verjaardag geboortedatum aniversario "
                "datadenascimento urodziny dataurodzenia fodelsedag fodelsedatum fodselsdag syntymapaiva",
    "note": "note notes notiz notizen anmerkung bemerkung kommentar comment remarque nota notas opmerking "
            "notitie observacao uwagi notatka anteckning bemaerkning huomautus",
    "ssid": "ssid network networkname wifi wlan wlanname netzwerk netzwerkname netz reseau nomdureseau wifiname "
            "red nombredered rete nomerete netwerk netwerknaam rede siec nazwasieci natverk natverksnamn "
            "netvaerk netvaerksnavn verkko",
    "password": "password passphrase passwort kennwort schlussel key wpakey netzwerkschlussel wlanpasswort "
                "motdepasse cle contrasena clave chiave wachtwoord sleutel senha palavrapasse haslo losenord "
                "adgangskode kode passord salasana",
    "security": "security encryption auth authentication sicherheit verschlusselung securite chiffrement "
                "seguridad cifrado sicurezza crittografia beveiliging versleuteling seguranca zabezpieczenia "
                "szyfrowanie sakerhet kryptering sikkerhed",
    "hidden": "hidden versteckt verborgen cache oculta oculto nascosta ukryta dold skjult",
    "cc": "cc", "bcc": "bcc blindkopie",
    "subject": "subject betreff objet sujet asunto oggetto onderwerp assunto temat amne emne aihe",
    "message": "message body nachricht mitteilung corps mensaje cuerpo messaggio bericht mensagem wiadomosc "
               "meddelande besked viesti sms",
    "latitude": "latitude lat breitengrad breite latitud latitudine breedtegraad breedte szerokosc leveysaste",
    "longitude": "longitude lon lng long langengrad lange longitud longitudine lengtegraad lengte dlugosc "
                 "pituusaste",
    "altitude": "altitude elevation height hohe altitud altezza hoogte wysokosc hojd altitudem hohem",
    "geo_label": "label place placename ortsname nomdulieu lugar luogo",
    "summary": "title event eventname summary titel veranstaltung termin ereignis evenement titre evento "
               "titulo titolo wydarzenie tytul handelse begivenhed tapahtuma",
    "start": "start startdate starttime begin begins from beginn anfang startdatum von debut datededebut "
             "inicio comienzo fechadeinicio desde inizio datadiinizio van datadeinicio poczatek od borjan fran "
             "begyndelse alku",
    "end": "end enddate endtime ends until to ende enddatum bis fin datedefin fechadefin hasta fine datadifine "
           "einde einddatum tot fim datadefim koniec do slut till slutning loppu",
    "all_day": "allday ganztagig ganztags toutelajournee tododeldia tuttoilgiorno heledag diainteiro "
               "calydzien heldag",
    "location": "location place venue ort veranstaltungsort lieu lugar luogo locatie plaats local miejsce "
                "plats sted",
    "description": "description details beschreibung descripcion descrizione beschrijving omschrijving "
                   "descricao opis beskrivning beskrivelse kuvaus",
    "address": "address adresse anschrift direccion indirizzo adres endereco morada adress",
    # batch roles (not payload fields)
    "name": "name filename file dateiname datei bezeichnung nom nomdufichier nombre nombredearchivo nome "
            "nomefile naam bestandsnaam nomedoarquivo nazwa nazwapliku namn filnamn navn filnavn nimi "
            "tiedostonimi",
    "caption": "caption label beschriftung bildunterschrift untertitel etikett legende leyenda etiqueta "
               "didascalia etichetta bijschrift onderschrift legenda podpis bildtext billedtekst kuvateksti",
    "copies": "copies copy count quantity qty numberofcopies anzahl menge stuckzahl stuck exemplare kopien "
              "quantite exemplaires nombredecopies copias cantidad ejemplares copie quantita numerodicopie "
              "aantal kopieen exemplaren quantidade exemplares ilosc liczba egzemplarze antal kopior kopier "
              "eksemplarer kopiot maara",
    "fg": "colour color foreground fg fgcolour fgcolor farbe vordergrund vordergrundfarbe couleur premierplan "
          "colore kleur voorgrond cor kolor farg farve farge vari",
    "bg": "background bg backgroundcolour backgroundcolor hintergrund hintergrundfarbe fond arriereplan "
          "couleurdefond fondo colordefondo sfondo coloredisfondo achtergrond achtergrondkleur fundo "
          "cordefundo tlo kolortla bakgrund bakgrundsfarg baggrund baggrundsfarve tausta",
    "logo": "logo logofile image bild icon symbol logodatei logotipo immagine afbeelding imagem obraz billede "
            "kuva",
    "ecc": "ecc errorcorrection ecclevel fehlerkorrektur correctionderreur correcciondeerrores "
           "correzioneerrori foutcorrectie correcaodeerros korekcjabledow felkorrigering fejlkorrektion",
}

CONCEPTS = tuple(_WORDS)
# Batch roles a column can play besides payload fields; fg..ecc are per-row style columns.
ROLES = ("name", "caption", "copies", "fg", "bg", "logo", "ecc")
STYLE_ROLES = ("fg", "bg", "logo", "ecc", "copies")

# Payload field name -> (concepts that name it strongly, concepts that name it weakly).
_FIELD_CONCEPTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "text": (("payload",), ("url", "email", "phone", "mobile")),
    "mobile": (("mobile",), ("phone",)),
    "phone": (("phone", "mobile"), ()),
    "number": (("phone", "mobile"), ()),
    "body": (("message",), ()),
    "label": (("geo_label",), ()),
}


def norm(text: str) -> str:
    """Case, accents, spaces and punctuation removed: ``"Téléphone (mobil)"`` → ``"telephonemobil"``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


@cache
def words(concept: str) -> frozenset[str]:
    return frozenset(norm(w) for w in _WORDS.get(concept, "").split()) | {norm(concept)}


def field_concepts(field: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(strong, weak) concepts whose header words name payload field ``field``."""
    return _FIELD_CONCEPTS.get(field, ((field,), ()))


def names(header: str, concepts: tuple[str, ...]) -> bool:
    """Does the header text name one of ``concepts``?"""
    key = norm(header)
    return bool(key) and any(key in words(c) for c in concepts)
