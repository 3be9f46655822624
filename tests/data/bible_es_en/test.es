Y Jehová respondió: Judá subirá; he aquí que yo he entregado la tierra en sus manos.
Tampoco Ephraim echó al Cananeo que habitaba en Gezer; antes habitó el Cananeo en medio de ellos en Gezer.
Y sirvieron los hijos de Israel á Eglón rey de los Moabitas diez y ocho años.
Y AQUEL día cantó Débora, con Barac, hijo de Abinoam, diciendo:
Las más avisadas de sus damas le respondían; y aun ella se respondía á sí misma.
Y su concubina que estaba en Sichêm, también le parió un hijo; y púsole por nombre Abimelech.
Y aconteció al siguiente día, que el pueblo salió al campo: y fué dado aviso á Abimelech.
Y los ancianos de Galaad respondieron á Jephté: Jehová oiga entre nosotros, si no hiciéremos como tú dices.
Entonces Manoa dijo: Cúmplase pues tu palabra. ¿Qué orden se tendrá con el niño, y qué ha de hacer?
Y los Filisteos subieron y pusieron campo en Judá, y tendiéronse por Lehi.
Y partiendo los de Dan de allí, de Sora y de Esthaol, seiscientos hombres armados de armas de guerra,
Y al día siguiente el pueblo se levantó de mañana, y edificaron allí altar, y ofrecieron holocaustos y pacíficos.
El principio de la sabiduría es el temor de Jehová: los insensatos desprecian la sabiduría y la enseñanza.
La sabiduría clama de fuera, da su voz en las plazas:
Haciendo estar atento tu oído á la sabiduría; si inclinares tu corazón á la prudencia;
Que se alegran haciendo mal, que se huelgan en las perversidades del vicio;
Y hallarás gracia y buena opinión en los ojos de Dios y de los hombres.
Más preciosa es que las piedras preciosas; y todo lo que puedes desear, no se puede comparar á ella.
No intentes mal contra tu prójimo, estando él confiado de ti.
No la dejes, y ella te guardará; ámala, y te conservará.
Porque comen pan de maldad, y beben vino de robos.
Porque los labios de la extraña destilan miel, y su paladar es más blando que el aceite:
Bebe el agua de tu cisterna, y los raudales de tu pozo.
Ve á la hormiga, oh perezoso, mira sus caminos, y sé sabio;
El corazón que maquina pensamientos inicuos, los pies presurosos para correr al mal,
Mas el que comete adulterio con la mujer, es falto de entendimiento: corrompe su alma el que tal hace.
El cual pasaba por la calle, junto á la esquina de aquella, é iba camino de su casa,
El saco de dinero llevó en su mano; el día señalado volverá á su casa.
Oid, porque hablaré cosas excelentes; y abriré mis labios para cosas rectas.
Por vereda de justicia guiaré, por en medio de sendas de juicio;
Porque el que me hallare, hallará la vida, y alcanzará el favor de Jehová.
El temor de Jehová es el principio de la sabiduría; y la ciencia de los santos es inteligencia.
Bendiciones sobre la cabeza del justo: mas violencia cubrirá la boca de los impíos.
En las muchas palabras no falta pecado: mas el que refrena sus labios es prudente.
La boca del justo producirá sabiduría: mas la lengua perversa será cortada.
Por la bendición de los rectos la ciudad será engrandecida: mas por la boca de los impíos ella será trastornada.
El alma liberal será engordada: y el que saciare, él también será saciado.
Los pensamientos de los justos son rectitud; mas los consejos de los impíos, engaño.
Hay quienes hablan como dando estocadas de espada: mas la lengua de los sabios es medicina.
EL hijo sabiotomael consejo del padre: mas el burlador no escucha las reprensiones.
La ley del sabio es manantial de vida, para apartarse de los lazos de la muerte.
El que camina en su rectitud teme á Jehová: mas el pervertido en sus caminos lo menosprecia.
Aun en la risa tendrá dolor el corazón; y el término de la alegría es congoja.
El testigo verdadero libra las almas: mas el engañoso hablará mentiras.
La sana lengua es árbol de vida: mas la perversidad en ella es quebrantamiento de espíritu.
Todos los días del afligido son trabajosos: mas el de corazón contento tiene un convite continuo.
Alborota su casa el codicioso: mas el que aborrece las dádivas vivirá.
Con misericordia y verdad se corrige el pecado: y con el temor de Jehová se apartan del mal los hombres.
Antes del quebrantamiento es la soberbia; y antes de la caída la altivez de espíritu.
Cierra sus ojos para pensar perversidades; mueve sus labios, efectúa el mal.
El que da mal por bien, no se apartará el mal de su casa.
El hijo necio es enojo á su padre, y amargura á la que lo engendró.
Torre fuerte es el nombre de Jehová: á él correrá el justo, y será levantado.
El que halló esposa halló el bien, y alcanzó la benevolencia de Jehová.
Dolor es para su padre el hijo necio; y gotera continua las contiendas de la mujer.
El que roba á su padre y ahuyenta á su madre, hijo es avergonzador y deshonrador.
¿Quién podrá decir: Yo he limpiado mi corazón, limpio estoy de mi pecado?
No digas, yo me vengaré; espera á Jehová, y él te salvará.
Los pensamientos del solícito ciertamente van á abundancia; mas todo presuroso, indefectiblemente á pobreza.
El hombre que se extravía del camino de la sabiduría, vendrá á parar en la compañía de los muertos.
El testigo mentiroso perecerá: mas el hombre que oye, permanecerá en su dicho.
El que ama la limpieza de corazón, por la gracia de sus labios su amigo será el rey.
No te entrometas con el iracundo, ni te acompañes con el hombre de enojos;
No hables á oídos del necio; porque menospreciará la prudencia de tus razones.
No estés con los bebedores de vino, ni con los comedores de carne:
Tus ojos mirarán las extrañas, y tu corazón hablará perversidades.
Come, hijo mío, de la miel, porque es buena, y del panal dulce á tu paladar:
Mas los que lo reprenden, serán agradables, y sobre ellos vendrá bendición de bien.
Trata tu causa con tu compañero y no descubras el secreto á otro.
El viento del norte ahuyenta la lluvia, y el rostro airado la lengua detractora.
Alzar las piernas del cojo, así es el proverbio en la boca del necio.
Las palabras del chismoso parecen blandas; mas ellas entran hasta lo secreto del vientre.
Fieles son las heridas del que ama; pero importunos los besos del que aborrece.
Como un agua se parece á otra, así el corazón del hombre al otro.
El que guarda la ley es hijo prudente: mas el que es compañero de glotones, avergüenza á su padre.
Tener acepción de personas, no es bueno: hasta por un bocado de pan prevaricará el hombre.
El hombre que lisonjea á su prójimo, red tiende delante de sus pasos.
Sin profecía el pueblo será disipado: mas el que guarda la ley, bienaventurado él.
Toda palabra de Dios es limpia; es escudo á los que en él esperan.
Cuatro cosas son de las más pequeñas de la tierra, y las mismas son más sabias que los sabios:
Dad la cerveza al desfallecido, y el vino á los de amargo ánimo:
Ciñó sus lomos de fortaleza, y esforzó sus brazos.
Muchas mujeres hicieron el bien; mas tú las sobrepujaste á todas.
Y arrancaré tus bosques de en medio de ti, y destruiré tus ciudades.
Al cualseala gloria por siglos de siglos. Amén.
Empero viniendo Pedro á Antioquía, le resistí en la cara, porque era de condenar.
De manera que la ley nuestro ayo fué para llevarnos á Cristo, para que fuésemos justificados por la fe.
Temo de vosotros, que no haya trabajado en vano en vosotros.
Vacíos sois de Cristo los que por la ley os justificáis; de la gracia habéis caído.
Idolatría, hechicerías, enemistades, pleitos, celos, iras, contiendas, disensiones, herejías,
Mirad en cuán grandes letras os he escrito de mi mano.
Y el mundo se pasa, y su concupiscencia; mas el que hace la voluntad de Dios, permanece para siempre.
Porque este es el mensaje que habéis oído desde el principio: Que nos amemos unos á otros.
Nosotros le amamos á él, porque él nos amó primero.
Y has sufrido, y has tenido paciencia, y has trabajado por mi nombre, y no has desfallecido.
Yo conozco tus obras, que ni eres frío, ni caliente. ¡Ojalá fueses frío, ó caliente!
Y el humo del incienso subió de la mano del ángel delante de Dios, con las oraciones de los santos.
Si alguno tiene oído, oiga.
Y la mujer que has visto, es la grande ciudad que tiene reino sobre los reyes de la tierra.
Y el que no fué hallado escrito en el libro de la vida, fué lanzado en el lago de fuego.
