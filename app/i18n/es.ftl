# Index Explorer: textos de la interfaz en español.
# Traducción hecha a máquina (por los desarrolladores, con un modelo de lenguaje): debe
# revisarla un hablante nativo antes de publicarla. Referencia: en.ftl.

app-name = Explorador de índices
tagline = Cambie una ponderación y vea cómo cambian las clasificaciones y la brecha entre los PMA y los países desarrollados.
dataset = Conjunto de datos
your-data-group = Sus datos (solo en este navegador)
year = Año
years = Años
play-years = Reproducir los años
language = Idioma
normalised-within = normalizado dentro de cada año
nothing-yet = Todavía no hay nada que mostrar
loading = Cargando { $what }…
weights-and-method = Ponderaciones y método
group-gap = Brecha entre grupos
could-not-load = No se pudo cargar { $what }: compruebe la conexión.
retry = Reintentar
part-chart = el gráfico
part-saved = los escenarios guardados
part-import = la importación de sus datos
part-map = el mapa mundial
part-compare = la comparación de escenarios
part-robustness = los análisis de robustez
part-profile = el perfil del país
part-health = la revisión del índice
part-charts = los gráficos
language-failed = No se pudieron cargar los textos en { $language } ({ $problem }): la página sigue en inglés.
weights = Ponderaciones
close-weights = Cerrar ponderaciones
published = Publicadas
published-title = Volver a las ponderaciones del editor
equal = Iguales
equal-title = Cada nodo pesa lo mismo que sus hermanos
done = Listo
weights-fixed = Esta edición solo publica la puntuación global, sin componentes que ponderar: la clasificación es la del editor y las ponderaciones no se pueden aplicar. Elija una edición con componentes para volver a ponderarla.
weights-hint = Las proporciones se refieren al nivel superior; arrastre para reordenar en vivo.
ratings = Valorar de 0 a 5 en pasos enteros (como el Índice para una Vida Mejor de la OCDE: ponderación = valoración / suma de valoraciones)
show-parts = Mostrar de qué se compone { $name }
ranking = Clasificación
ranked = { $count ->
    [one] { $count } clasificado
   *[other] { $count } clasificados
}
search = Buscar país o código
show-group = Mostrar grupo
all-units = Todas las unidades
tap-country = Toque un país para ver sus detalles.
rank = Puesto
country = País
score = Puntuación
best-worst = Mejor–peor
method = Método
default = Predeterminado
default-of = Predeterminado ({ $value })
normalisation = Normalización
normalise-over = Normalizar sobre
aggregation = Agregación
outliers = Valores atípicos
missing-data = Datos faltantes
screening = Filtrado
carry-forward = Arrastrar valores
denominate = Dividir por denominadores (per cápita, por PIB…)
the-gap = La brecha
group-a = Grupo A
group-b = Grupo B
gap = Brecha
compare-another = Comparar otro grupo
add-group = Añadir un grupo…
stop-comparing = Dejar de comparar este grupo
gap-hint = Medias de las unidades con puntuación: { $a_scored } de { $a_all } en A ({ $a_share }), { $b_scored } de { $b_all } en B ({ $b_share }). Razón A/B en el índice: { $ratio }. Pase el cursor sobre una cifra para ver su mediana.
every-year = Todos los años
every-year-hint = La puntuación y el puesto de cada país en cada año, con estas ponderaciones y este método.
every-year-csv = Descargar todos los años (CSV)
years-computed = Años calculados
year-of = Año { $done } de { $total }
every-year-failed = No se pudieron descargar todos los años: { $why }.
starting = Iniciando…
cancel = Cancelar
link-part-ignored = Se ignoró parte del enlace: { $problem }.
framed = El Explorador de índices se abre en su propia pestaña; solo se pueden insertar sus gráficos (botón Insertar de cada gráfico).
open-app = Abrir el Explorador de índices
new-version = Hay una nueva versión del Explorador de índices lista. Recargue para usarla.
newer-data = Hay datos más recientes en el servidor: { $names }. Esta página conserva los datos que abrió; recargue para ver los nuevos.
offline = Sin conexión: esta página muestra los datos guardados en este navegador y buscará datos más recientes cuando vuelva la conexión.
reload = Recargar
dismiss = Cerrar
