# Index Explorer : textes de l'interface en français.
# Traduction faite à la machine (par les développeurs, avec un modèle de langue) : à relire
# par un locuteur natif avant publication. Référence : en.ftl.

app-name = Explorateur d'indices
tagline = Modifiez une pondération : voyez changer les classements et l'écart entre PMA et pays développés.
dataset = Jeu de données
your-data-group = Vos données (ce navigateur uniquement)
year = Année
years = Années
play-years = Faire défiler les années
language = Langue
normalised-within = normalisé au sein de chaque année
nothing-yet = Rien à afficher pour l'instant
loading = Chargement de { $what }…
weights-and-method = Pondérations et méthode
group-gap = Écart entre groupes
could-not-load = Impossible de charger { $what } : vérifiez la connexion.
retry = Réessayer
part-chart = le graphique
part-saved = les scénarios enregistrés
part-import = l'importation de vos données
part-map = la carte du monde
part-compare = la comparaison des scénarios
part-robustness = les analyses de robustesse
part-profile = le profil du pays
part-health = le bilan de l'indice
part-charts = les graphiques
language-failed = Les textes en { $language } n'ont pas pu être chargés ({ $problem }) : la page reste en anglais.
weights = Pondérations
close-weights = Fermer les pondérations
published = Publiées
published-title = Revenir aux pondérations de l'éditeur
equal = Égales
equal-title = Chaque nœud pèse autant que ses voisins
done = Terminé
weights-fixed = Cette édition ne publie que le score global, sans composantes à pondérer : le classement est celui de l'éditeur et les pondérations ne peuvent s'appliquer. Choisissez une édition avec des composantes pour la repondérer.
weights-hint = Les parts se rapportent au niveau supérieur ; faites glisser pour reclasser en direct.
ratings = Noter de 0 à 5 par pas entiers (comme l'Indicateur du vivre mieux de l'OCDE : pondération = note / somme des notes)
show-parts = Afficher la composition de { $name }
ranking = Classement
ranked = { $count ->
    [one] { $count } classé
   *[other] { $count } classés
}
search = Rechercher un pays ou un code
show-group = Afficher le groupe
all-units = Toutes les unités
tap-country = Touchez un pays pour voir ses détails.
rank = Rang
country = Pays
score = Score
best-worst = Meilleur–pire
method = Méthode
default = Par défaut
default-of = Par défaut ({ $value })
normalisation = Normalisation
normalise-over = Normaliser sur
aggregation = Agrégation
outliers = Valeurs aberrantes
missing-data = Données manquantes
screening = Sélection
carry-forward = Reporter les valeurs
denominate = Diviser par les dénominateurs (par habitant, par PIB…)
the-gap = L'écart
group-a = Groupe A
group-b = Groupe B
gap = Écart
compare-another = Comparer un autre groupe
add-group = Ajouter un groupe…
stop-comparing = Ne plus comparer ce groupe
gap-hint = Moyennes des unités ayant un score : { $a_scored } sur { $a_all } dans A ({ $a_share }), { $b_scored } sur { $b_all } dans B ({ $b_share }). Rapport A/B sur l'indice : { $ratio }. Survolez un chiffre pour voir sa médiane.
every-year = Toutes les années
every-year-hint = Le score et le rang de chaque pays pour chaque année, avec ces pondérations et cette méthode.
every-year-csv = Télécharger toutes les années (CSV)
years-computed = Années calculées
year-of = Année { $done } sur { $total }
every-year-failed = Impossible de télécharger toutes les années : { $why }.
starting = Démarrage…
cancel = Annuler
link-part-ignored = Une partie du lien a été ignorée : { $problem }.
framed = L'Explorateur d'indices s'ouvre dans son propre onglet ; seuls ses graphiques peuvent être intégrés (bouton Intégrer de chaque graphique).
open-app = Ouvrir l'Explorateur d'indices
new-version = Une nouvelle version de l'Explorateur d'indices est prête. Rechargez pour l'utiliser.
newer-data = Des données plus récentes sont sur le serveur : { $names }. Cette page garde les données qu'elle a ouvertes ; rechargez pour voir les nouvelles.
offline = Hors ligne : cette page affiche les données enregistrées dans ce navigateur et cherchera des données plus récentes dès le retour de la connexion.
reload = Recharger
dismiss = Fermer
